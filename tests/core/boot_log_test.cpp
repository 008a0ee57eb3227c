// Boot-log reading for connect diagnosis: strap values decoded per chip (reset-and-boot.md §6),
// chips recognised by their ROM banner, and the hint for each kind of failed connect.
#include "core/chips/boot_log.h"

#include <gtest/gtest.h>

#include <string>

namespace esptool::chips {
namespace {

const char* kEsp32Spi =
    "ets Jul 29 2019 12:21:46\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"
    "configsip: 0, SPIWP:0xee\r\nflash read err, 1000\r\n";
const char* kEsp32Download =
    "ets Jul 29 2019 12:21:46\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x3 "
    "(DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\nwaiting for download\r\n";
const char* kC3Spi =
    "ESP-ROM:esp32c3-api1-20210207\r\nBuild:Feb 7 2021\r\nrst:0x1 (POWERON),boot:0xc "
    "(SPI_FAST_FLASH_BOOT)\r\n";

TEST(BootLog, Esp32SpiBootIsDecodedFromItsStrapBits) {
  const BootLog log = read_boot_log(kEsp32Spi, nullptr);
  ASSERT_NE(log.chip, nullptr);
  EXPECT_STREQ(log.chip->key, "esp32");
  ASSERT_TRUE(log.strap.has_value());
  EXPECT_EQ(*log.strap, 0x13u);
  EXPECT_EQ(log.strap_text, "0x13");
  EXPECT_EQ(log.mode_name, "SPI_FAST_FLASH_BOOT");
  EXPECT_EQ(log.download, false);
  EXPECT_FALSE(log.waiting_for_download);
}

TEST(BootLog, DownloadValuesPerChipFamily) {
  struct Case {
    const char* chip;
    uint32_t strap;
    bool download;
  } cases[] = {
      {"esp32", 0x03, true},   {"esp32", 0x23, true},    {"esp32", 0x13, false},
      {"esp32", 0x0a, false},  {"esp32s3", 0x0, true},   {"esp32s3", 0x1, true},
      {"esp32s3", 0x8, false}, {"esp32s2", 0x24, false}, {"esp32s2", 0x20, true},
      {"esp32c3", 0x4, true},  {"esp32c3", 0xc, false},  {"esp32c6", 0x6c, false},
      {"esp32h2", 0x4, true},  {"esp32c3", 0x1, false},
  };
  for (const Case& c : cases) {
    char text[64];
    std::snprintf(text, sizeof(text), "rst:0x1 (POWERON),boot:0x%x (X)\r\n", c.strap);
    const BootLog log = read_boot_log(text, find_chip(c.chip));
    ASSERT_TRUE(log.download.has_value()) << c.chip;
    EXPECT_EQ(*log.download, c.download) << c.chip << " boot:" << std::hex << c.strap;
  }
}

TEST(BootLog, BannersNameTheChipBeforeItIsKnown) {
  EXPECT_STREQ(chip_from_banner(kC3Spi)->key, "esp32c3");
  EXPECT_STREQ(chip_from_banner("ESP-ROM:esp32c6-20220919\r\n")->key, "esp32c6");
  EXPECT_STREQ(chip_from_banner("ESP-ROM:esp32c61-20230000\r\n")->key, "esp32c61");
  EXPECT_STREQ(chip_from_banner("ets Jun  8 2016 00:22:57\r\n")->key, "esp32");
  EXPECT_EQ(chip_from_banner("ets Jan  8 2013,rst cause:2, boot mode:(3,6)"), nullptr);
  EXPECT_EQ(chip_from_banner(""), nullptr);
}

TEST(BootLog, TheLastResetsLineCounts) {
  const std::string text = std::string(kEsp32Download) + kEsp32Spi;
  const BootLog log = read_boot_log(text, nullptr);
  EXPECT_EQ(log.strap_text, "0x13");
  EXPECT_FALSE(log.waiting_for_download);
}

TEST(BootLog, OverlongStrapDigitsAreNotAValue) {
  EXPECT_FALSE(read_boot_log("boot:0x123456789abc (X)", nullptr).strap.has_value());
  EXPECT_FALSE(read_boot_log("boot:0x", nullptr).strap.has_value());
}

TEST(BootLog, UnreadableShareCountsNoiseButNotUtf8) {
  EXPECT_EQ(unreadable_share(""), 0.0);
  EXPECT_EQ(unreadable_share("I (12) app: h\xc3\xa9llo \xe2\x9c\x93\r\n"), 0.0);
  EXPECT_GT(unreadable_share("\x80\xfe\x01\x02x\x9f\x10\x85"), 0.5);
}

TEST(ConnectFailureHint, SilenceSaysPortCableOrPower) {
  const std::string hint = connect_failure_hint("", nullptr, 115200);
  EXPECT_NE(hint.find("right port"), std::string::npos) << hint;
  EXPECT_NE(hint.find("charge-only"), std::string::npos) << hint;
  EXPECT_NE(hint.find("powered"), std::string::npos) << hint;
}

TEST(ConnectFailureHint, SpiBootNamesTheChipsBootPin) {
  const std::string esp32 = connect_failure_hint(kEsp32Spi, nullptr, 115200);
  EXPECT_NE(esp32.find("The ESP32 booted from flash (boot:0x13, SPI_FAST_FLASH_BOOT)"), std::string::npos) << esp32;
  EXPECT_NE(esp32.find("BOOT button (GPIO0)"), std::string::npos) << esp32;
  const std::string c3 = connect_failure_hint(kC3Spi, nullptr, 115200);
  EXPECT_NE(c3.find("The ESP32-C3 booted from flash (boot:0xc"), std::string::npos) << c3;
  EXPECT_NE(c3.find("(GPIO9)"), std::string::npos) << c3;
}

TEST(ConnectFailureHint, UnknownChipStillSaysNotInDownloadMode) {
  const std::string hint = connect_failure_hint("rst:0x1,boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n", nullptr, 115200);
  EXPECT_NE(hint.find("did not enter download mode"), std::string::npos) << hint;
}

TEST(ConnectFailureHint, NoiseNamesTheBaudRate) {
  const std::string noise = "\x80\xfe\x01\x02\x9f\x10\x85\xaa\x55\xf0\x0f\x81";
  const std::string hint = connect_failure_hint(noise, nullptr, 115200);
  EXPECT_NE(hint.find("unreadable bytes at 115200 baud"), std::string::npos) << hint;
}

TEST(ConnectFailureHint, WaitingForDownloadPointsAtTheTxPath) {
  const std::string hint = connect_failure_hint(kEsp32Download, nullptr, 115200);
  EXPECT_NE(hint.find("waiting in download mode"), std::string::npos) << hint;
}

}  // namespace
}  // namespace esptool::chips
