// Changing the rate of a ROM loader: esptool sends some ROMs a corrected rate (ESP32 calibrates
// against its RTC clock, ESP32-C2 assumes a 40 MHz crystal); the link must still work afterwards.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/ops/device_command.h"
#include "hw-sim/chips/chip_model.h"
#include "hw-sim/device.h"
#include "tests/support/sim_driver.h"

namespace {

using esptool::engine::Link;
using esptool::ops::DeviceRequest;

class RomBaudE2E : public ::testing::TestWithParam<const char*> {};

TEST_P(RomBaudE2E, RomOnlyCommandsWorkAfterSwitchingTo921600) {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip(GetParam());
  o.power_on_download = false;
  hwsim::Device device(o);
  esptool::testing::SimDriver driver(device);
  esptool::engine::Session session;
  DeviceRequest req;
  req.command = "flash_id";
  req.no_stub = true;
  req.baud = 921600;
  auto run = driver.run([req](Link& link) { return esptool::ops::run_device_command(link, req); }, session);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  const bool esp8266 = std::string(GetParam()) == "esp8266";
  const bool changed = std::find(run.logs.begin(), run.logs.end(), "Changed.") != run.logs.end();
  EXPECT_EQ(changed, !esp8266) << "the ESP8266 ROM keeps 115200; every other ROM switches";
  EXPECT_EQ(session.baud, esp8266 ? 115200u : 921600u);
}

INSTANTIATE_TEST_SUITE_P(Chips, RomBaudE2E,
                         ::testing::Values("esp8266", "esp32", "esp32s2", "esp32s3", "esp32c2",
                                           "esp32c3", "esp32c6", "esp32h2"));

}  // namespace
