// The console the ROM reports (UARTDEV_BUF_NO) changes what esptool does after connecting: on
// USB-JTAG-Serial it stops the RTC watchdog and makes the super watchdog feed itself, so a long
// write is not cut by a reset. Checked against hw-sim's USB-JTAG-Serial variant in virtual time.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/ops/device_command.h"
#include "hw-sim/chips/chip_model.h"
#include "hw-sim/device.h"
#include "tests/support/sim_driver.h"

namespace {

using esptool::engine::Link;
using esptool::ops::DeviceRequest;

// ESP32-C3 RTC_CNTL_SWD_CONF_REG and its auto-feed bit (targets/esp32c3.py v4.8.1).
constexpr uint32_t kSwdConfC3 = 0x600080AC;

struct UsbBench {
  explicit UsbBench(bool usb_jtag_serial) : device(options(usb_jtag_serial)), driver(device) {}
  static hwsim::DeviceOptions options(bool usb_jtag_serial) {
    hwsim::DeviceOptions o;
    o.chip = hwsim::find_chip("esp32c3");
    o.power_on_download = false;
    o.usb_jtag_serial = usb_jtag_serial;
    return o;
  }
  esptool::testing::SimRun run(DeviceRequest req) {
    return driver.run([req](Link& link) { return esptool::ops::run_device_command(link, req); }, session);
  }
  hwsim::Device device;
  esptool::testing::SimDriver driver;
  esptool::engine::Session session;
};

// Connects (ROM only, staying in the loader), then reads SWD_CONF without resetting.
std::string swd_conf_line_after_connect(bool usb_jtag_serial) {
  UsbBench bench(usb_jtag_serial);
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
