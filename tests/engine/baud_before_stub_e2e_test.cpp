// The switch to the fast rate before the stub upload (ops::change_baud_before_stub): where the ROM
// takes CHANGE_BAUDRATE the stub goes up at the fast rate and the write still verifies; the
// ESP8266 ROM keeps esptool's order; a line that cannot carry the rate still steps down the
// baud ladder (ops::fallback_baud, as web/src/device.js runs it) to one that works.
#include <gtest/gtest.h>

#include "core/ops/baud_fallback.h"
#include "hw-sim/fault/fault_plan.h"
#include "tests/engine/device_bench.h"

namespace {

using esptool::Bytes;
using esptool::ops::DeviceRequest;
using esptool::testing::DeviceBench;
using esptool::testing::has_line;
using esptool::testing::SimRun;

int line_index(const SimRun& run, const std::string& prefix) {
  for (size_t i = 0; i < run.logs.size(); ++i)
    if (run.logs[i].rfind(prefix, 0) == 0) return int(i);
  return -1;
}

int count_lines(const SimRun& run, const std::string& prefix) {
  int n = 0;
  for (const auto& l : run.logs) n += l.rfind(prefix, 0) == 0 ? 1 : 0;
  return n;
}

Bytes app_bytes(size_t size) {
  Bytes app(size);
  for (size_t i = 0; i < app.size(); ++i) app[i] = uint8_t(i * 31 + (i >> 7));
  return app;
}

DeviceRequest write_request(uint32_t baud, const Bytes& app) {
  DeviceRequest req;
  req.command = "write_flash";
  req.baud = baud;
  req.stubs = esptool::testing::all_stubs();
  req.files = {{0x10000, app, "app.bin"}};
  return req;
}

// Virtual ms from "Uploading stub..." to "Stub running...".
double stub_upload_ms(const SimRun& run) {
  const int up = line_index(run, "Uploading stub...");
  const int running = line_index(run, "Stub running...");
  if (up < 0 || running < 0) return -1;
  return run.log_stamps[size_t(running)].ms - run.log_stamps[size_t(up)].ms;
}

class BaudBeforeStub : public ::testing::TestWithParam<const char*> {};

TEST_P(BaudBeforeStub, StubGoesUpAtTheFastRateAndTheWriteVerifies) {
  DeviceBench bench(GetParam());
  const Bytes app = app_bytes(60000);
  SimRun run = bench.run(write_request(921600, app));
  ASSERT_TRUE(run.status.ok()) << run.status.error().message() << "\n" << esptool::testing::all_lines(run);
  const int changing = line_index(run, "Changing baud rate to 921600");
  const int changed = line_index(run, "Changed.");
  const int uploading = line_index(run, "Uploading stub...");
  ASSERT_GE(changing, 0);
  EXPECT_EQ(changed, changing + 1);
  EXPECT_LT(changed, uploading) << "the ROM switches before the upload";
  EXPECT_EQ(count_lines(run, "Changed."), 1) << "no second switch by the stub";
  EXPECT_TRUE(has_line(run, "Stub running..."));
  EXPECT_TRUE(has_line(run, "Hash of data verified."));
  EXPECT_EQ(bench.session.baud, 921600u);
  EXPECT_EQ(bench.flash(0x10000, uint32_t(app.size())), app);
  // At 115200 the stub's ~3.5-5.5 KB of RAM blocks alone would take 300-480 ms of line time.
  const double upload = stub_upload_ms(run);
  EXPECT_GT(upload, 0);
  EXPECT_LT(upload, 150) << "the stub went up at the ROM's 115200";
}

INSTANTIATE_TEST_SUITE_P(Chips, BaudBeforeStub,
                         ::testing::Values("esp32", "esp32s3", "esp32c3", "esp32c6", "esp32h2"));

TEST(BaudBeforeStubEsp8266, RomKeeps115200AndTheStubSwitches) {
  DeviceBench bench("esp8266");
  const Bytes app = app_bytes(30000);
  SimRun run = bench.run(write_request(921600, app));
  ASSERT_TRUE(run.status.ok()) << run.status.error().message() << "\n" << esptool::testing::all_lines(run);
  EXPECT_FALSE(has_line(run, "WARNING: ROM doesn't support changing baud rate"))
      << "the stub is coming, so the ROM is not asked";
  EXPECT_LT(line_index(run, "Stub running..."), line_index(run, "Changing baud rate to 921600"));
  EXPECT_EQ(count_lines(run, "Changed."), 1);
  EXPECT_GT(stub_upload_ms(run), 500) << "8 KB of stub at 115200";
  EXPECT_EQ(bench.session.baud, 921600u);
  EXPECT_EQ(bench.flash(0x10000, uint32_t(app.size())), app);
}

TEST(BaudBeforeStubNoStub, RomOnlyWriteSwitchesOnceAndVerifies) {
  DeviceBench bench("esp32c3");
  const Bytes app = app_bytes(30000);
  DeviceRequest req = write_request(921600, app);
  req.no_stub = true;
  SimRun run = bench.run(req);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_FALSE(has_line(run, "Uploading stub..."));
  EXPECT_EQ(count_lines(run, "Changed."), 1);
  EXPECT_EQ(bench.flash(0x10000, uint32_t(app.size())), app);
}

// A line that carries at most 921600 baud (hw-sim's max_baud fault): at 2000000 and 1500000 the
// switch succeeds (its reply comes at the old rate) and the stub upload that follows fails as a
// link failure; each failure names the next rate down, and 921600 works.
TEST(BaudBeforeStubFallback, ALineThatCannotCarryTheRateStepsDownTheLadder) {
  hwsim::DeviceOptions options = esptool::testing::bench_options("esp32");
  std::string error;
  options.faults = *hwsim::parse_fault_plan("max_baud=921600", &error);
  DeviceBench bench(options);
  const Bytes app = app_bytes(40000);
  std::vector<uint32_t> tried;
  uint32_t baud = 2000000;
  SimRun run;
  while (baud != 0) {
    tried.push_back(baud);
    run = bench.run(write_request(baud, app));
    if (run.status.ok()) break;
    EXPECT_TRUE(has_line(run, "Changed.")) << "the failure came after the switch at " << baud;
    baud = esptool::ops::fallback_baud(baud, run.status.error().code);
  }
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_EQ(tried, (std::vector<uint32_t>{2000000, 1500000, 921600}));
  EXPECT_EQ(bench.flash(0x10000, uint32_t(app.size())), app);
}

}  // namespace
