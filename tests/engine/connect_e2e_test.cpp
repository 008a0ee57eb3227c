// Engine against hw-sim in virtual time: connect, detect, stub upload for every simulated chip.
#include <gtest/gtest.h>

#include "core/engine/link.h"
#include "core/ops/connect.h"
#include "core/ops/deflate_ahead.h"
#include "core/util/strong_deflate.h"
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

// A write's queued compression runs in connect's reset pulse: it is ready once connect ends,
// before any write asks for it, and it is the stream the write then takes.
TEST(ConnectE2E, CompressesAQueuedWriteDuringTheReset) {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip("esp32");
  o.power_on_download = false;
  hwsim::Device device(o);
  esptool::testing::SimDriver driver(device);
  Session session;
  esptool::Bytes app(20000);
  for (size_t i = 0; i < app.size(); ++i) app[i] = uint8_t(i * 13 + (i >> 9));
  esptool::ops::deflate_ahead(session, {{0x10000, app, "app.bin"}});
  esptool::ops::ConnectOptions opts;
  auto run = driver.run([&](Link& link) { return esptool::ops::connect(link, opts); }, session);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_EQ(session.idle_job, nullptr);
  ASSERT_EQ(session.deflated_ahead.size(), 1u);
  EXPECT_EQ(esptool::ops::deflate_for_write(session, app), esptool::util::strong_deflate(app));
  EXPECT_TRUE(session.deflated_ahead.empty());  // the write took it
}

// Over rfc2217:// the first SYNC waits for the ROM's "waiting for download"; a chip whose reset
// the server does not replay (hw-sim in process) connects as before.
TEST(ConnectE2E, Rfc2217ConnectsAfterTheBootLog) {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip("esp32");
  o.power_on_download = false;
  hwsim::Device device(o);
  esptool::testing::SimDriver driver(device);
  Session session;
  esptool::ops::ConnectOptions opts;
  opts.port_kind = esptool::reset::PortKind::kRfc2217;
  auto run = driver.run([&](Link& link) { return esptool::ops::connect(link, opts); }, session);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_NE(session.boot_text.find("waiting for download"), std::string::npos);
  EXPECT_LT(run.end_ms, 500) << "connect took " << run.end_ms << " ms of virtual time";
}

INSTANTIATE_TEST_SUITE_P(Chips, ConnectE2E,
                         ::testing::Values("esp8266", "esp32", "esp32s2", "esp32s3", "esp32c3",
                                           "esp32c6", "esp32h2"));

}  // namespace
