// Engine against hw-sim in virtual time: connect, detect, stub upload for every simulated chip.
#include <gtest/gtest.h>

#include "core/engine/link.h"
#include "core/ops/connect.h"
#include "hw-sim/chips/chip_model.h"
#include "hw-sim/device.h"
#include "tests/support/sim_driver.h"

namespace {

using esptool::engine::Link;
using esptool::engine::Session;
using esptool::engine::Task;

class ConnectE2E : public ::testing::TestWithParam<const char*> {};

TEST_P(ConnectE2E, AutoDetectsTheSimulatedChip) {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip(GetParam());
  ASSERT_NE(o.chip, nullptr);
  o.power_on_download = false;  // booted from flash: only a reset gets it into download mode
  hwsim::Device device(o);
  esptool::testing::SimDriver driver(device);
  Session session;
  esptool::ops::ConnectOptions opts;
  auto run = driver.run([&](Link& link) { return esptool::ops::connect(link, opts); }, session);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  ASSERT_NE(session.chip, nullptr);
  EXPECT_EQ(esptool::chips::strip_chip_name(session.chip->name), GetParam());
  EXPECT_FALSE(session.is_stub);
  EXPECT_LT(run.end_ms, 2000) << "connect took " << run.end_ms << " ms of virtual time";
}

INSTANTIATE_TEST_SUITE_P(Chips, ConnectE2E,
                         ::testing::Values("esp8266", "esp32", "esp32s2", "esp32s3", "esp32c3",
                                           "esp32c6", "esp32h2"));

}  // namespace
