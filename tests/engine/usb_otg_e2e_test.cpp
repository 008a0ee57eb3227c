// ESP32-S2/S3 on their USB-OTG console (hw-sim's usb_otg variant), end to end in virtual time:
// the engine reads UARTDEV_BUF_NO after connecting and then sends 0x800-byte RAM and flash blocks
// (hw-sim refuses anything larger on that console, as the ROM's USB buffer is that small), and
// before `--after hard_reset` it reads GPIO_STRAP and RTC_CNTL_OPTION1 and refuses, as esptool
// does, when GPIO0 strapped the chip into download mode and download was not forced.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "tests/engine/device_bench.h"

namespace {

using esptool::Bytes;
using esptool::ops::DeviceRequest;
using esptool::testing::all_stubs;
using esptool::testing::DeviceBench;
using esptool::testing::has_line;

hwsim::DeviceOptions otg_options(const std::string& chip) {
  hwsim::DeviceOptions o = esptool::testing::bench_options(chip);
  o.usb_otg = true;
  return o;
}

// 100 kB that compresses poorly, so the compressed stream still spans many blocks.
Bytes noisy_file() {
  Bytes data(100 * 1000);
  uint32_t x = 0x12345678;
  for (uint8_t& b : data) {
    x = x * 1664525u + 1013904223u;
    b = static_cast<uint8_t>(x >> 24);
  }
  return data;
}

// The largest data block of each *_DATA opcode the chip received (from hw-sim's trace lines
// "host>chip cmd op=0xNN len=L ..."; L counts the 16-byte block header too).
struct BlockSizes {
  std::map<unsigned, unsigned> largest;  // opcode -> largest payload seen
};

void watch_blocks(DeviceBench& bench, BlockSizes* sizes) {
  bench.device.set_trace([sizes](const std::string& line) {
    const size_t at = line.find("host>chip cmd op=0x");
    if (at == std::string::npos) return;
    unsigned op = 0, len = 0;
    if (std::sscanf(line.c_str() + at, "host>chip cmd op=0x%x len=%u", &op, &len) != 2) return;
    if (op != 0x03 && op != 0x07 && op != 0x11) return;
    unsigned& largest = sizes->largest[op];
    largest = std::max(largest, len >= 16 ? len - 16 : 0);
  });
}

DeviceRequest write_request(bool stub, const Bytes& data) {
  DeviceRequest req;
  req.command = "write_flash";
  req.no_stub = !stub;
  if (stub) req.stubs = all_stubs();
  req.after = "no_reset";  // hard_reset is refused over USB-OTG when GPIO0 strapped download
  req.files = {{0x10000, data, "data.bin"}};
  return req;
}

class UsbOtgWrite : public ::testing::TestWithParam<std::tuple<const char*, bool>> {};

TEST_P(UsbOtgWrite, HundredKilobytesGoOutIn0x800BlocksAndReadBackEqual) {
  const auto [chip, stub] = GetParam();
  DeviceBench bench(otg_options(chip));
  BlockSizes sizes;
  watch_blocks(bench, &sizes);
  const Bytes data = noisy_file();
  auto run = bench.run(write_request(stub, data));
  ASSERT_TRUE(run.status.ok()) << run.status.error().message() << "\n" << all_lines(run);
  EXPECT_TRUE(has_line(run, "Hash of data verified.")) << all_lines(run);
  EXPECT_EQ(has_line(run, "Uploading stub..."), stub);
  EXPECT_EQ(bench.flash(0x10000, static_cast<uint32_t>(data.size())), data);
  const unsigned data_op = stub ? 0x11 : 0x03;  // stub: compressed; ROM: plain 0x400 blocks
  ASSERT_GT(sizes.largest.count(data_op), 0u);
  EXPECT_LE(sizes.largest[data_op], 0x800u);
  if (stub) {
    EXPECT_EQ(sizes.largest[data_op], 0x800u) << "the stub's blocks are exactly USB_RAM_BLOCK";
    ASSERT_GT(sizes.largest.count(0x07), 0u) << "stub upload";
    EXPECT_EQ(sizes.largest[0x07], 0x800u) << "MEM_DATA in 0x800 blocks, not 0x1800";
  }
}

INSTANTIATE_TEST_SUITE_P(S2AndS3, UsbOtgWrite,
                         ::testing::Combine(::testing::Values("esp32s2", "esp32s3"),
                                            ::testing::Bool()),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param)) +
                                  (std::get<1>(info.param) ? "Stub" : "Rom");
                         });

// The same chip on a UART bridge uses the large blocks: the variant, not the chip, decides.
TEST(UsbOtgE2E, OnAUartBridgeTheStubUses0x4000Blocks) {
  DeviceBench bench("esp32s3");
  BlockSizes sizes;
  watch_blocks(bench, &sizes);
  auto run = bench.run(write_request(true, noisy_file()));
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_EQ(sizes.largest[0x11], 0x4000u);
}

DeviceRequest chip_id(const std::string& after, bool stub) {
  DeviceRequest req;
  req.command = "chip_id";
  req.no_stub = !stub;
  if (stub) req.stubs = all_stubs();
  req.after = after;
  return req;
}

TEST(UsbOtgE2E, HardResetAfterGpio0DownloadIsRefusedWithEsptoolsMessage) {
  struct Case {
    const char* chip;
    const char* description;
  };
  for (const Case& c : {Case{"esp32s2", "ESP32-S2"}, Case{"esp32s3", "ESP32-S3"}}) {
    for (const bool stub : {false, true}) {
      DeviceBench bench(otg_options(c.chip));
      auto run = bench.run(chip_id("hard_reset", stub));
      ASSERT_FALSE(run.status.ok()) << c.chip << "\n" << all_lines(run);
      const std::string m = run.status.error().message();
      EXPECT_EQ(m.rfind(c.description, 0), 0u) << m;
      EXPECT_NE(m.find(" chip was placed into download mode using GPIO0."), std::string::npos) << m;
      EXPECT_NE(run.status.error().hint().find("set --after option to 'no_reset'"),
                std::string::npos)
          << run.status.error().hint();
      EXPECT_FALSE(has_line(run, "Hard resetting via RTS pin...")) << c.chip;
      EXPECT_NE(bench.device.mode(), hwsim::DeviceMode::kApp) << "no reset happened";
    }
  }
}

TEST(UsbOtgE2E, NoResetAfterStaysInTheBootloaderWithoutComplaint) {
  for (const char* chip : {"esp32s2", "esp32s3"}) {
    for (const bool stub : {false, true}) {
      DeviceBench bench(otg_options(chip));
      auto run = bench.run(chip_id("no_reset", stub));
      ASSERT_TRUE(run.status.ok()) << chip << ": " << run.status.error().message();
      EXPECT_TRUE(has_line(run, "Staying in bootloader.")) << all_lines(run);
      bench.device.advance(bench.device.now() + 100);  // the stub reboots 10 ms after FLASH_END
      EXPECT_EQ(bench.device.mode(), hwsim::DeviceMode::kRom) << chip;
    }
  }
}

// With the force-download bit set (the chip entered download mode by USB, not by GPIO0),
// esptool resets; ESP32-S3 clears the bit first (a WRITE_REG of RTC_CNTL_OPTION1, mask 1).
TEST(UsbOtgE2E, ForcedDownloadLetsHardResetRunAndS3ClearsTheBitFirst) {
  struct Case {
    const char* chip;
    uint32_t option1;
    bool clears;
  };
  for (const Case& c : {Case{"esp32s2", 0x3F408128, false}, Case{"esp32s3", 0x6000812C, true}}) {
    DeviceBench bench(otg_options(c.chip));
    DeviceRequest force;
    force.command = "write_mem";
    force.no_stub = true;
    force.after = "no_reset";
    force.address = c.option1;
    force.value = 1;
    force.mask = 1;
    auto first = bench.run(force);
    ASSERT_TRUE(first.status.ok()) << first.status.error().message();

    bool cleared = false;
    char wanted[48];
    std::snprintf(wanted, sizeof(wanted), "%02x%02x%02x%02x0000000001000000", c.option1 & 0xFF,
                  (c.option1 >> 8) & 0xFF, (c.option1 >> 16) & 0xFF, c.option1 >> 24);
    bench.device.set_trace([&cleared, &wanted](const std::string& line) {
      if (line.find("host>chip cmd op=0x09") != std::string::npos &&
          line.find(wanted) != std::string::npos)
        cleared = true;
    });
    DeviceRequest reset = chip_id("hard_reset", false);
    reset.before = "no_reset";
    auto second = bench.run(reset);
    ASSERT_TRUE(second.status.ok()) << c.chip << ": " << second.status.error().message();
    EXPECT_TRUE(has_line(second, "Hard resetting via RTS pin...")) << all_lines(second);
    EXPECT_EQ(bench.device.mode(), hwsim::DeviceMode::kApp) << c.chip;
    EXPECT_EQ(cleared, c.clears) << c.chip;
  }
}

}  // namespace
