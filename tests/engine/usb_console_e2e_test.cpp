// The console the ROM reports (UARTDEV_BUF_NO) changes what esptool does after connecting: on
// USB-JTAG-Serial it stops the RTC watchdog and makes the super watchdog feed itself, so a long
// write is not cut by a reset. Checked against hw-sim's USB-JTAG-Serial variant in virtual time.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/engine/device_bench.h"

namespace {

using esptool::ops::DeviceRequest;
using esptool::testing::DeviceBench;

// ESP32-C3 RTC_CNTL_SWD_CONF_REG (targets/esp32c3.py v4.8.1); bit 31 is its auto-feed bit.
constexpr uint32_t kSwdConfC3 = 0x600080AC;

// Connects (ROM only, staying in the loader), then reads SWD_CONF without resetting.
std::string swd_conf_line_after_connect(bool usb_jtag_serial) {
  hwsim::DeviceOptions options = esptool::testing::bench_options("esp32c3");
  options.usb_jtag_serial = usb_jtag_serial;
  DeviceBench bench(options);
  DeviceRequest connect;
  connect.command = "chip_id";
  connect.no_stub = true;
  connect.usb_jtag_serial = usb_jtag_serial;
  connect.after = "no_reset";
  auto first = bench.run(connect);
  EXPECT_TRUE(first.status.ok()) << first.status.error().message();

  DeviceRequest read = connect;
  read.command = "read_mem";
  read.address = kSwdConfC3;
  read.before = "no_reset";
  auto second = bench.run(read);
  EXPECT_TRUE(second.status.ok()) << second.status.error().message();
  auto line = std::find_if(second.logs.begin(), second.logs.end(),
                           [](const std::string& l) { return l.rfind("0x600080ac = ", 0) == 0; });
  return line == second.logs.end() ? "" : *line;
}

TEST(UsbConsoleE2E, UsbJtagSerialConnectSetsTheSuperWatchdogToFeedItself) {
  EXPECT_EQ(swd_conf_line_after_connect(true), "0x600080ac = 0x80000000");
}

TEST(UsbConsoleE2E, UartConnectLeavesTheWatchdogsAlone) {
  EXPECT_EQ(swd_conf_line_after_connect(false), "0x600080ac = 0x00000000");
}

}  // namespace
