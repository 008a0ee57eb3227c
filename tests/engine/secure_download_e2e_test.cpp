// Device commands against a chip in Secure Download Mode (hw-sim's secure_download_mode option),
// end to end in virtual time, as esptool v4.8.1 behaves there: the mode is found by the refused
// READ_REG of the magic register, "Chip is <chip> in Secure Download Mode" replaces the eFuse
// description, the stub is skipped with esptool's warning, write_flash goes through the ROM
// uncompressed and without the MD5 check, and a command the ROM refuses fails with esptool's
// "This command (0x..) is not supported in Secure Download Mode" plus a hint on what still works.
#include <gtest/gtest.h>

#include "tests/engine/device_bench.h"

namespace {

using esptool::Bytes;
using esptool::Errc;
using esptool::ops::DeviceRequest;
using esptool::testing::all_lines;
using esptool::testing::all_stubs;
using esptool::testing::DeviceBench;
using esptool::testing::has_line;

hwsim::DeviceOptions sdm(const char* chip) {
  hwsim::DeviceOptions o = esptool::testing::bench_options(chip);
  o.secure_download_mode = true;
  return o;
}

DeviceRequest command(const std::string& name, const std::string& chip = "auto") {
  DeviceRequest req;
  req.command = name;
  req.chip = chip;
  req.stubs = all_stubs();  // the stub is on offer; SDM must turn it down
  req.after = "no_reset";
  return req;
}

void expect_sdm_refusal(const esptool::Status& status, const char* opcode_text) {
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, Errc::kUnsupportedCommand);
  EXPECT_EQ(status.error().name(), "unsupported_command");
  EXPECT_EQ(status.error().message(), std::string("This command (") + opcode_text +
                                          ") is not supported in Secure Download Mode");
  const std::string& hint = status.error().hint();
  EXPECT_NE(hint.find("Secure Download Mode, set by an eFuse that cannot be undone"),
            std::string::npos)
      << hint;
  EXPECT_NE(hint.find("write_flash"), std::string::npos) << hint;
  EXPECT_NE(hint.find("get_security_info"), std::string::npos) << hint;
}

TEST(SecureDownloadE2E, ConnectFindsTheModeSaysSoAndSkipsTheStub) {
  for (const char* chip : {"auto", "esp32s3"}) {
    DeviceBench bench(sdm("esp32s3"));
    auto run = bench.run(command("get_security_info", chip));
    ASSERT_TRUE(run.status.ok()) << chip << ": " << run.status.error().message() << "\n"
                                 << all_lines(run);
    EXPECT_TRUE(has_line(run, "Chip is ESP32-S3 in Secure Download Mode")) << all_lines(run);
    EXPECT_TRUE(has_line(
        run, "WARNING: Stub loader is not supported in Secure Download Mode, setting --no-stub"));
    EXPECT_FALSE(has_line(run, "Uploading stub")) << all_lines(run);
    EXPECT_FALSE(has_line(run, "Features: ")) << "no eFuse can be read";
    EXPECT_FALSE(has_line(run, "MAC: "));
    EXPECT_TRUE(has_line(run, "Flags: 0x00000004")) << "SECURE_DOWNLOAD_ENABLE\n" << all_lines(run);
    EXPECT_EQ(run.report.facts.flag("secure_download_mode"), true);
    EXPECT_EQ(run.report.facts.text("chip"), "ESP32-S3");
  }
  DeviceBench detected(sdm("esp32s3"));
  EXPECT_TRUE(has_line(detected.run(command("get_security_info")), "Detecting chip type... ESP32-S3"));
}

TEST(SecureDownloadE2E, FlashIdIsRefusedWithEsptoolsMessageAndAHint) {
  // What the page runs to fill its chip card on connect.
  for (const char* chip : {"esp32s3", "esp32c3", "esp32s2"}) {
    DeviceBench bench(sdm(chip));
    auto run = bench.run(command("flash_id", chip));
    expect_sdm_refusal(run.status, "0xa");
    EXPECT_TRUE(has_line(run, "Enabling default SPI flash mode...")) << chip << "\n" << all_lines(run);
  }
}

TEST(SecureDownloadE2E, ReadsAreRefused) {
  DeviceBench bench(sdm("esp32s3"));
  DeviceRequest read = command("read_flash");
  read.address = 0;
  read.size = 0x1000;
  expect_sdm_refusal(bench.run(read).status, "0xe");  // READ_FLASH_SLOW, as the stub cannot run
  expect_sdm_refusal(bench.run(command("read_mac")).status, "0xa");
  // A second command on the same session finds its own refusal, not a copy of the last one.
  expect_sdm_refusal(bench.run(command("chip_id")).status, "0xa");
}

TEST(SecureDownloadE2E, EraseNeedsTheStubAndTheHintSaysToWrite0xFF) {
  DeviceBench bench(sdm("esp32s3"));
  DeviceRequest erase = command("erase_region");
  erase.address = 0x10000;
  erase.size = 0x1000;
  auto run = bench.run(erase);
  ASSERT_FALSE(run.status.ok());
  EXPECT_EQ(run.status.error().message(), "ESP32-S3 ROM does not support function erase_region.");
  EXPECT_NE(run.status.error().hint().find("0xFF"), std::string::npos) << run.status.error().hint();
}

TEST(SecureDownloadE2E, WriteFlashGoesThroughTheRomUncompressedAndUnverified) {
  for (const char* chip : {"auto", "esp32s3"}) {
    DeviceBench bench(sdm("esp32s3"));
    DeviceRequest write = command("write_flash", chip);
    write.flash_size = "4MB";
    const Bytes data(0x2345, 0x3C);
    write.files = {{0x10000, data, "app.bin"}};
    auto run = bench.run(write);
    ASSERT_TRUE(run.status.ok()) << chip << ": " << run.status.error().message() << "\n"
                                 << all_lines(run);
    EXPECT_EQ(bench.flash(0x10000, uint32_t(data.size())), data);
    EXPECT_TRUE(has_line(run, "Configuring flash size...")) << all_lines(run);
    EXPECT_FALSE(has_line(run, "Hash of data verified")) << "SPI_FLASH_MD5 is refused in SDM";
    EXPECT_FALSE(has_line(run, "Compressed ")) << "FLASH_DEFL_* is refused in SDM";
    EXPECT_TRUE(has_line(run, "Wrote ")) << all_lines(run);
  }
}

TEST(SecureDownloadE2E, AWriteAbove2MBWithoutFlashSizeFailsAndTheHintSaysToPassIt) {
  DeviceBench bench(sdm("esp32s3"));
  DeviceRequest write = command("write_flash");  // --flash_size keep: nothing is configured
  write.files = {{0x200000, Bytes(0x1000, 0x42), "data.bin"}};
  auto run = bench.run(write);
  ASSERT_FALSE(run.status.ok()) << all_lines(run);
  EXPECT_EQ(uint16_t(run.status.error().code), 0x0106) << run.status.error().message() << "\n" << all_lines(run);
  EXPECT_NE(run.status.error().hint().find("--flash_size"), std::string::npos);
  write.flash_size = "4MB";
  auto sized = bench.run(write);
  ASSERT_TRUE(sized.status.ok()) << sized.status.error().message() << "\n" << all_lines(sized);
  EXPECT_EQ(bench.flash(0x200000, 0x1000), Bytes(0x1000, 0x42));
}

TEST(SecureDownloadE2E, FlashSizeCannotBeDetected) {
  DeviceBench bench(sdm("esp32s3"));
  DeviceRequest write = command("write_flash");
  write.flash_size = "detect";
  write.files = {{0x10000, Bytes(16, 1), "app.bin"}};
  auto run = bench.run(write);
  ASSERT_FALSE(run.status.ok());
  EXPECT_EQ(run.status.error().message(),
            "Detecting flash size is not supported in secure download mode. Need to manually "
            "specify flash size.");
}

TEST(SecureDownloadE2E, AnEsp32S2CannotBeAutodetectedButWorksWithChip) {
  DeviceBench bench(sdm("esp32s2"));
  auto run = bench.run(command("get_security_info"));
  ASSERT_FALSE(run.status.ok());
  EXPECT_EQ(run.status.error().message(),
            "Unsupported Command Error received. Probably this means Secure Download Mode is "
            "enabled, autodetection will not work. Need to manually specify the chip.");
  EXPECT_NE(run.status.error().hint().find("--chip"), std::string::npos);
  auto named = bench.run(command("get_security_info", "esp32s2"));
  ASSERT_TRUE(named.status.ok()) << named.status.error().message() << "\n" << all_lines(named);
  EXPECT_TRUE(has_line(named, "Chip is ESP32-S2 in Secure Download Mode"));
}

}  // namespace
