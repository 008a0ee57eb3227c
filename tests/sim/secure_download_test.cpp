// Secure Download Mode in the ROM loader (S2 and later): the commands esptool's docs list still
// work, every other one is refused 8 times with a reply whose opcode is not the request's and
// whose status is [1, 0x05] (what esptool's loader.py command() recognises), GET_SECURITY_INFO
// reports SECURE_DOWNLOAD_ENABLE (flag bit 2), and flash operations stop at 2 MB until
// SPI_SET_PARAMS says otherwise. Chips without the mode refuse the option.
#include <gtest/gtest.h>

#include "hw-sim/device.h"
#include "hw-sim/server/options.h"
#include "tests/sim/support/rom_fixture.h"

namespace {

using simtest::Bytes;
using simtest::data_request;
using simtest::le32_bytes;
using simtest::request;
using simtest::Rig;

const Bytes kRomOk{0, 0, 0, 0};
const Bytes kRomInvalid{1, 0x05, 0, 0};
const Bytes kRomFailedToAct{1, 0x06, 0, 0};

hwsim::DeviceOptions sdm() {
  hwsim::DeviceOptions o;
  o.secure_download_mode = true;
  return o;
}

// Sends `packet` and collects every frame that comes within 100 ms.
std::vector<Bytes> frames_after(Rig& rig, const Bytes& packet) {
  rig.host->send(packet);
  std::vector<Bytes> frames;
  while (auto f = rig.host->read_frame(100)) frames.push_back(*f);
  return frames;
}

TEST(SecureDownloadMode, ARefusedCommandIsAnsweredEightTimesWithAnotherOpcodeAndInvalidMessage) {
  Rig rig("esp32s3", sdm());
  ASSERT_TRUE(rig.sync());
  const std::vector<Bytes> frames = frames_after(rig, request(0x0A, le32_bytes({0x40001000})));
  ASSERT_EQ(frames.size(), 8u);
  for (const Bytes& f : frames) {
    ASSERT_EQ(f.size(), 12u) << "8-byte header + 4 status bytes, no payload";
    EXPECT_EQ(f[0], 0x01);
    EXPECT_NE(f[1], 0x0A) << "the request's opcode would read as an ordinary failure";
    EXPECT_EQ(Bytes(f.begin() + 8, f.end()), kRomInvalid);
  }
}

TEST(SecureDownloadMode, OnlyTheDocumentedCommandsAreServed) {
  // READ_REG, WRITE_REG, MEM_BEGIN/DATA/END, READ_FLASH_SLOW, FLASH_DEFL_*, SPI_FLASH_MD5.
  const struct {
    uint8_t op;
    Bytes data;
  } refused[] = {
      {0x0A, le32_bytes({0x40001000})},
      {0x09, le32_bytes({0x3FC00000, 1, 0xFFFFFFFF, 0})},
      {0x05, le32_bytes({256, 1, 0x1800, 0x40380000})},
      {0x06, le32_bytes({0, 0x40380004})},
      {0x0E, le32_bytes({0, 64})},
      {0x10, le32_bytes({0x400, 1, 0x400, 0x10000, 0})},
      {0x12, le32_bytes({1})},
      {0x13, le32_bytes({0, 0x1000, 0, 0})},
  };
  for (const char* chip : {"esp32s2", "esp32s3", "esp32c3"}) {
    Rig rig(chip, sdm());
    ASSERT_TRUE(rig.sync()) << chip;
    for (const auto& r : refused) {
      const std::vector<Bytes> frames = frames_after(rig, request(r.op, r.data));
      ASSERT_EQ(frames.size(), 8u) << chip << " op " << int(r.op);
      EXPECT_NE(frames[0][1], r.op) << chip << " op " << int(r.op);
    }
    // Served: SPI_ATTACH, SPI_SET_PARAMS, a whole FLASH_BEGIN/DATA/END, CHANGE_BAUDRATE.
    EXPECT_EQ(rig.call(0x0D, le32_bytes({0, 0}))->data, kRomOk) << chip;
    EXPECT_EQ(rig.call(0x0B, le32_bytes({0, 0x400000, 0x10000, 0x1000, 0x100, 0xFFFF}))->data,
              kRomOk)
        << chip;
    ASSERT_EQ(rig.call(0x02, le32_bytes({0x400, 1, 0x400, 0x10000, 0}), 30000)->data, kRomOk);
    EXPECT_EQ(rig.call(data_request(0x03, Bytes(0x400, 0xA5), 0))->data, kRomOk) << chip;
    EXPECT_EQ(rig.device->flash().read(0x10000, 2), (Bytes{0xA5, 0xA5})) << chip;
    EXPECT_EQ(rig.call(0x0F, le32_bytes({115200, 0}))->data, kRomOk) << chip;
    EXPECT_EQ(rig.call(0x04, le32_bytes({1}))->data, kRomOk) << chip;
  }
}

TEST(SecureDownloadMode, SecurityInfoReportsTheFlagAndOnlyInTheMode) {
  for (const bool on : {true, false}) {
    hwsim::DeviceOptions o;
    o.secure_download_mode = on;
    Rig rig("esp32s3", o);
    ASSERT_TRUE(rig.sync());
    const auto info = rig.call(0x14, {});
    ASSERT_TRUE(info);
    ASSERT_EQ(info->data.size(), 20u + 4u);
    EXPECT_EQ(info->data[0], on ? 0x04 : 0x00) << "SECURE_DOWNLOAD_ENABLE is flag bit 2";
    // Without the mode, READ_REG answers as usual.
    if (!on) {
      EXPECT_EQ(rig.call(0x0A, le32_bytes({0x40001000}))->data, kRomOk);
    }
  }
}

TEST(SecureDownloadMode, FlashStopsAt2MBUntilSpiSetParams) {
  Rig rig("esp32s3", sdm());
  ASSERT_TRUE(rig.sync());
  ASSERT_EQ(rig.call(0x0D, le32_bytes({0, 0}))->data, kRomOk);
  EXPECT_EQ(rig.call(0x02, le32_bytes({0x1000, 1, 0x400, 0x200000, 0}), 30000)->data,
            kRomFailedToAct)
      << "esptool's troubleshooting: the ROM assumes 2MB, writes above fail with 0106";
  ASSERT_EQ(rig.call(0x0B, le32_bytes({0, 0x400000, 0x10000, 0x1000, 0x100, 0xFFFF}))->data,
            kRomOk);
  EXPECT_EQ(rig.call(0x02, le32_bytes({0x1000, 1, 0x400, 0x200000, 0}), 30000)->data, kRomOk);
}

TEST(SecureDownloadMode, ServerOptionIsCheckedAgainstTheChip) {
  using hwsim::server::parse_options;
  std::string error;
  const char* s2[] = {"hw-sim", "--chip", "esp32s2", "--secure-download-mode"};
  const auto options = parse_options(4, const_cast<char**>(s2), &error);
  ASSERT_TRUE(options) << error;
  EXPECT_TRUE(options->secure_download_mode);
  for (const char* chip : {"esp32", "esp8266"}) {
    const char* argv[] = {"hw-sim", "--chip", chip, "--secure-download-mode"};
    EXPECT_FALSE(parse_options(4, const_cast<char**>(argv), &error)) << chip;
    EXPECT_NE(error.find("no Secure Download Mode"), std::string::npos) << error;
  }
}

}  // namespace
