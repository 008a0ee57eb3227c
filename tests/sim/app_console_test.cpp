// The running app's console (DeviceOptions::app_print_interval_ms) and a reset circuit without
// the IO0 transistor (DeviceOptions::auto_reset_io0): what the page's monitor and its connect
// diagnosis are tested against.
#include <gtest/gtest.h>

#include <string>

#include "hw-sim/device.h"
#include "hw-sim/line/auto_reset.h"

namespace {

// A bootloader image header at 0x1000 that spi_boot_log accepts: magic, one segment of 4 bytes.
hwsim::Bytes flash_with_app() {
  hwsim::Bytes flash(0x2000, 0xFF);
  const uint8_t header[24] = {0xE9, 1, 2, 0x20, 0x00, 0x00, 0x08, 0x40};
  std::copy(std::begin(header), std::end(header), flash.begin() + 0x1000);
  const uint8_t segment[12] = {0x00, 0x00, 0xFF, 0x3F, 4, 0, 0, 0, 1, 2, 3, 4};
  std::copy(std::begin(segment), std::end(segment), flash.begin() + 0x1000 + 24);
  return flash;
}

hwsim::DeviceOptions board() {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip("esp32");
  o.power_on_download = false;
  o.initial_flash = flash_with_app();
  return o;
}

std::string text_of(const hwsim::Bytes& bytes) { return std::string(bytes.begin(), bytes.end()); }

TEST(AppConsole, TheAppPrintsColouredLinesAtItsIntervalAfterAFlashBoot) {
  hwsim::DeviceOptions o = board();
  o.app_print_interval_ms = 100;
  hwsim::Device device(o);
  device.advance(350);
  const std::string text = text_of(device.take_output(350));
  EXPECT_NE(text.find("entry 0x40080000"), std::string::npos) << text;
  EXPECT_NE(text.find("\x1b[0;32mI (0) app: started on ESP32"), std::string::npos) << text;
  EXPECT_NE(text.find("app: tick 3"), std::string::npos) << text;
  EXPECT_EQ(text.find("app: tick 4"), std::string::npos) << text;
  EXPECT_EQ(device.next_real_time_event(), 400.0 + 1.0) << "the next print keeps its pace";
}

TEST(AppConsole, AResetIntoTheLoaderStopsTheApp) {
  hwsim::DeviceOptions o = board();
  o.app_print_interval_ms = 100;
  hwsim::Device device(o);
  device.advance(150);
  device.take_output(150);
  device.set_signals(false, true, 150);  // EN low
  device.set_signals(true, false, 250);  // EN released, IO0 low: download mode
  device.set_signals(false, false, 300);
  device.advance(1000);
  const std::string text = text_of(device.take_output(1000));
  EXPECT_NE(text.find("waiting for download"), std::string::npos) << text;
  EXPECT_EQ(text.find("app: tick"), std::string::npos) << text;
}

TEST(AppConsole, WithoutAnIntervalTheAppOnlySendsNoise) {
  hwsim::Device device(board());
  device.advance(2000);
  const std::string text = text_of(device.take_output(2000));
  EXPECT_EQ(text.find("app:"), std::string::npos);
  EXPECT_EQ(device.next_real_time_event(), hwsim::kNever);
}

TEST(AppConsole, SkipAheadStopsBeforeTheAppsNextPrint) {
  hwsim::DeviceOptions o = board();
  o.app_print_interval_ms = 100;
  hwsim::Device device(o);
  const hwsim::Millis reached = device.skip_ahead(0.0, 100000);
  EXPECT_LT(reached, 101.0) << "app prints pass in real time";
}

TEST(ResetCircuitWithoutIo0, ResetsBootFromFlash) {
  hwsim::DeviceOptions o = board();
  o.auto_reset_io0 = false;
  hwsim::Device device(o);
  device.advance(50);
  device.take_output(50);
  device.set_signals(false, true, 50);
  device.set_signals(true, false, 150);  // esptool's classic reset: IO0 would be low now
  device.set_signals(false, false, 200);
  device.advance(500);
  const std::string text = text_of(device.take_output(500));
  EXPECT_NE(text.find("boot:0x13 (SPI_FAST_FLASH_BOOT)"), std::string::npos) << text;
  EXPECT_EQ(text.find("waiting for download"), std::string::npos) << text;
}

}  // namespace
