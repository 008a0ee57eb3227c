// Device: boot logs, the reset circuit, line rates, registers esptool reads, and faults acting
// on a running session.
#include "hw-sim/device.h"

#include <gtest/gtest.h>

#include "tests/sim/support/rom_fixture.h"

namespace {

using simtest::Bytes;
using simtest::Host;
using simtest::le32_bytes;
using simtest::Rig;

hwsim::DeviceOptions options_for(const char* chip) {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip(chip);
  return o;
}

TEST(Device, EveryChipBootsIntoDownloadModeAndAnswersWithItsMagic) {
  for (const hwsim::ChipModel* chip : hwsim::all_chips()) {
    hwsim::DeviceOptions o;
    o.chip = chip;
    hwsim::Device device(o);
    Host host(device);
    host.wait(chip->rom_boot_baud == 115200 ? 20 : 1);
    if (chip->rom_boot_baud == 115200) {
      EXPECT_NE(host.text().find("waiting for download"), std::string::npos) << chip->key;
      EXPECT_NE(host.text().find(std::string(chip->boot.boot_download)), std::string::npos)
          << chip->key;
    }
    host.flush(20);
    ASSERT_TRUE(host.sync().has_value()) << chip->key;
    const auto magic = host.call(0x0A, le32_bytes({0x40001000}));
    ASSERT_TRUE(magic) << chip->key;
    EXPECT_EQ(magic->value, chip->magic) << chip->key;
  }
}

TEST(Device, Esp8266LogsAt74880AndTheRomFollowsTheHostRate) {
  hwsim::Device device(options_for("esp8266"));
  Host host(device);
  host.wait(30);
  EXPECT_EQ(host.text().find("boot mode"), std::string::npos) << "garbage at 115200";
  host.flush();
  EXPECT_TRUE(host.sync().has_value()) << "autobaud on SYNC";
}

TEST(Device, HardResetBootsFromFlashAndComplainsAboutAnEmptyFlash) {
  hwsim::Device device(options_for("esp32"));
  Host host(device);
  host.flush(20);
  host.signals(false, true);
  host.wait(100);
  host.signals(false, false);
  host.wait(50);
  EXPECT_NE(host.text().find("boot:0x13 (SPI_FAST_FLASH_BOOT)"), std::string::npos) << host.text();
  EXPECT_NE(host.text().find("flash read err, 1000"), std::string::npos);
  EXPECT_EQ(device.mode(), hwsim::DeviceMode::kApp);
  EXPECT_FALSE(host.sync().has_value()) << "the app does not answer the loader protocol";
}

TEST(Device, FlashBootLogListsTheBootloaderSegments) {
  hwsim::DeviceOptions o = options_for("esp32c3");
  Bytes image{0xE9, 1, 0x02, 0x20, 0x10, 0x32, 0x38, 0x40};  // magic, 1 segment, DIO, entry
  image.resize(24, 0);
  const Bytes segment = le32_bytes({0x3FCD5820, 0x10});
  image.insert(image.end(), segment.begin(), segment.end());
  image.resize(image.size() + 0x10, 0xAA);
  o.initial_flash = image;
  o.power_on_download = false;
  hwsim::Device device(o);
  Host host(device);
  host.wait(30);
  EXPECT_NE(host.text().find("mode:DIO"), std::string::npos) << host.text();
  EXPECT_NE(host.text().find("load:0x3fcd5820,len:0x10"), std::string::npos) << host.text();
  const size_t entry = host.text().find("entry 0x40383210\r\n");
  ASSERT_NE(entry, std::string::npos) << host.text();
  EXPECT_GT(host.text().size(), entry + 18) << "then the app's own output (noise)";
}

TEST(Device, InputIsIgnoredWhileEnIsLow) {
  hwsim::Device device(options_for("esp32"));
  Host host(device);
  host.flush(20);
  host.signals(false, true);
  EXPECT_FALSE(host.sync().has_value());
  EXPECT_EQ(device.mode(), hwsim::DeviceMode::kInReset);
}

TEST(Device, ClassicResetPrintsTheDownloadBanner) {
  hwsim::DeviceOptions o = options_for("esp32s3");
  o.power_on_download = false;
  hwsim::Device device(o);
  Host host(device);
  host.flush(20);
  host.clear_text();
  host.classic_reset();
  host.wait(20);
  EXPECT_NE(host.text().find("rst:0x1 (POWERON),boot:0x0 (DOWNLOAD(USB/UART0))"), std::string::npos)
      << host.text();
  EXPECT_TRUE(host.sync().has_value());
}

TEST(Device, UartDividerLetsEsptoolDetectTheCrystal) {
  for (const char* key : {"esp32", "esp8266", "esp32c2", "esp32c5"}) {
    Rig rig(key);
    ASSERT_TRUE(rig.sync()) << key;
    const auto* chip = hwsim::find_chip(key);
    const uint32_t div = rig.call(0x0A, le32_bytes({chip->uart_clkdiv_reg}))->value & 0xFFFFF;
    const double xtal = 115200.0 * div / 1e6 / (std::string(key) == "esp8266" ? 2 : 1);
    const double expected =
        std::string(key) == "esp8266" ? 26 : (std::string(key) == "esp32c5" ? 48 : 40);
    EXPECT_NEAR(xtal, expected, 1.0) << key;
  }
}

TEST(Device, UsbSerialJtagVariantReportsItsConsoleAndResetsByLineState) {
  hwsim::DeviceOptions o = options_for("esp32c3");
  o.usb_jtag_serial = true;
  o.power_on_download = false;
  hwsim::Device device(o);
  Host host(device);
  host.flush(20);
  host.signals(false, false);
  host.signals(true, false);
  host.wait(100);
  host.signals(true, true);
  host.signals(false, true);
  host.wait(100);
  host.signals(false, false);
  host.wait(10);
  EXPECT_NE(host.text().find("rst:0x15 (USB_UART_CHIP_RESET)"), std::string::npos) << host.text();
  host.flush();
  ASSERT_TRUE(host.sync().has_value());
  EXPECT_EQ(host.call(0x0A, le32_bytes({0x3FCDF07C}))->value & 0xFF, 3u) << "UARTDEV_BUF_NO";
}

TEST(Device, HostAtTheWrongRateSeesGarbageFromTheStub) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  rig.call(0x0F, le32_bytes({921600, 115200}));
  rig.host->flush(20);  // host stays at 115200
  EXPECT_FALSE(rig.host->sync().has_value());
}

TEST(Device, ResetAtFaultDropsTheStubBackToTheRom) {
  hwsim::DeviceOptions o;
  std::string error;
  o.faults = *hwsim::parse_fault_plan("reset_at=2000", &error);
  Rig rig("esp32", o);
  ASSERT_TRUE(rig.enter_stub());
  rig.host->send(simtest::request(0x13, le32_bytes({0, 0x1000, 0, 0})));
  rig.host->send(simtest::request(0x08, Bytes(2000, 0x55)));  // crosses byte 2000
  rig.host->flush(300);                                       // ~175 ms on the wire at 115200
  EXPECT_EQ(rig.device->mode(), hwsim::DeviceMode::kRom);
  EXPECT_NE(rig.host->sync().value_or(0), 0u) << "ROM answers SYNC with a non-zero value";
}

TEST(Device, DisconnectFaultMarksTheLinkLost) {
  hwsim::DeviceOptions o;
  std::string error;
  o.faults = *hwsim::parse_fault_plan("disconnect_at=10", &error);
  Rig rig("esp32", o);
  EXPECT_FALSE(rig.device->link_lost());
  rig.host->sync();
  EXPECT_TRUE(rig.device->link_lost());
}

TEST(Device, DelayFaultPostponesEveryReply) {
  hwsim::DeviceOptions o;
  std::string error;
  o.faults = *hwsim::parse_fault_plan("delay_ms=40", &error);
  Rig rig("esp32", o);
  ASSERT_TRUE(rig.sync());
  const auto start = rig.host->now();
  ASSERT_TRUE(rig.call(0x0A, le32_bytes({0x40001000})));
  EXPECT_GT(rig.host->now() - start, 40.0);
}

TEST(Device, GarbleFreeRunsAreReproducibleBySeed) {
  for (int run = 0; run < 2; ++run) {
    hwsim::DeviceOptions o;
    std::string error;
    o.faults = *hwsim::parse_fault_plan("flip=0.01", &error);
    o.seed = 77;
    Rig rig("esp32c6", o);
    static std::string first;
    std::string seen;
    for (int i = 0; i < 5; ++i) seen += rig.host->sync() ? "1" : "0";
    if (run == 0) first = seen;
    EXPECT_EQ(seen, first);
  }
}

}  // namespace

namespace {

TEST(Device, CommandErrorFaultAnswersInTheLoadersOwnStatusLayout) {
  hwsim::DeviceOptions o;
  std::string error;
  o.faults = *hwsim::parse_fault_plan("error=0x0A:0x07:1,error=0x0A:0xC1:2", &error);
  Rig rig("esp32", o);
  ASSERT_TRUE(rig.sync());
  EXPECT_EQ(rig.call(0x0A, le32_bytes({0x40001000}))->data, (Bytes{1, 0x07, 0, 0})) << "ROM form";
  ASSERT_TRUE(rig.run_fake_stub(0x40380000));
  EXPECT_EQ(rig.call(0x0A, le32_bytes({0x40001000}))->data, (Bytes{0xC1, 0})) << "stub form";
  EXPECT_EQ(rig.call(0x0A, le32_bytes({0x40001000}))->value, 0x00F01D83u) << "third call is fine";
}

}  // namespace
