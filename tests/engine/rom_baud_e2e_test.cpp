// Changing the rate of a ROM loader: esptool sends some ROMs a corrected rate (ESP32 calibrates
// against its RTC clock, ESP32-C2 assumes a 40 MHz crystal); the link must still work afterwards.
#include <gtest/gtest.h>

#include "tests/engine/device_bench.h"

namespace {

using esptool::ops::DeviceRequest;

class RomBaudE2E : public ::testing::TestWithParam<const char*> {};

TEST_P(RomBaudE2E, RomOnlyCommandsWorkAfterSwitchingTo921600) {
  esptool::testing::DeviceBench bench(GetParam());
  DeviceRequest req;
  req.command = "flash_id";
  req.no_stub = true;
  req.baud = 921600;
  auto run = bench.run(req);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  const bool esp8266 = std::string(GetParam()) == "esp8266";
  EXPECT_EQ(esptool::testing::has_line(run, "Changed."), !esp8266)
      << "the ESP8266 ROM keeps 115200; every other ROM switches";
  EXPECT_EQ(bench.session.baud, esp8266 ? 115200u : 921600u);
}

INSTANTIATE_TEST_SUITE_P(Chips, RomBaudE2E,
                         ::testing::Values("esp8266", "esp32", "esp32s2", "esp32s3", "esp32c2",
                                           "esp32c3", "esp32c6", "esp32h2"));

}  // namespace
