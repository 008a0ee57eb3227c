// Whole device commands (connect, describe, stub, baud, flash setup, command, --after) against
// hw-sim in virtual time, as the CLI and the page run them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/ops/device_command.h"
#include "hw-sim/chips/chip_model.h"
#include "hw-sim/device.h"
#include "tests/support/sim_driver.h"
#include "tests/support/stub_dir.h"

namespace {

using esptool::Bytes;
using esptool::engine::Link;
using esptool::ops::DeviceRequest;

esptool::stub::StubFiles all_stubs() {
  return esptool::testing::read_stub_dir(std::string(ESPT_SOURCE_DIR) + "/node_modules/esptool-js/lib/targets/stub_flasher");
}

struct Bench {
  explicit Bench(const char* chip) : device(options(chip)), driver(device) {}
  static hwsim::DeviceOptions options(const char* chip) {
    hwsim::DeviceOptions o;
    o.chip = hwsim::find_chip(chip);
    o.power_on_download = false;
    return o;
  }
  esptool::testing::SimRun run(DeviceRequest req) {
    return driver.run([req](Link& link) { return esptool::ops::run_device_command(link, req); }, session);
  }
  hwsim::Device device;
  esptool::testing::SimDriver driver;
  esptool::engine::Session session;
};

bool has_line(const esptool::testing::SimRun& run, const std::string& prefix) {
  for (const auto& l : run.logs)
    if (l.rfind(prefix, 0) == 0) return true;
  return false;
}

class DeviceCommandE2E : public ::testing::TestWithParam<const char*> {};

TEST_P(DeviceCommandE2E, WriteFlashThenReadFlashWithStubAtHighBaud) {
  Bench bench(GetParam());
  Bytes app(50000);
  for (size_t i = 0; i < app.size(); ++i) app[i] = uint8_t(i * 31 + (i >> 7));
  DeviceRequest write;
  write.command = "write_flash";
  write.baud = 921600;
  write.stubs = all_stubs();
  write.files = {{0x10000, app, "app.bin"}};
  auto w = bench.run(write);
  ASSERT_TRUE(w.status.ok()) << w.status.error().message();
  for (const char* expected : {"Connecting...", "Detecting chip type...", "Chip is ", "Features: ",
                               "Crystal is ", "MAC: ", "Stub running...", "Changed.",
                               "Configuring flash size...", "Compressed 50000 bytes to ",
                               "Wrote 50000 bytes",
                               "Hash of data verified.", "Hard resetting via RTS pin..."}) {
    EXPECT_TRUE(has_line(w, expected)) << "missing line: " << expected;
  }
  // Nothing made ahead (ops/deflate_ahead.h) outlives the command.
  EXPECT_EQ(bench.session.idle_job, nullptr);
  EXPECT_TRUE(bench.session.to_deflate.empty());
  EXPECT_TRUE(bench.session.deflated_ahead.empty());

  DeviceRequest read;
  read.command = "read_flash";
  read.stubs = write.stubs;
  read.address = 0x10000;
  read.size = uint32_t(app.size());
  auto r = bench.run(read);
  ASSERT_TRUE(r.status.ok()) << r.status.error().message();
  EXPECT_TRUE(r.report.data == app);
}

TEST_P(DeviceCommandE2E, InformationCommandsRomOnly) {
  for (const char* command : {"read_mac", "chip_id", "flash_id", "read_flash_status"}) {
    Bench bench(GetParam());
    DeviceRequest req;
    req.command = command;
    req.no_stub = true;
    auto run = bench.run(req);
    EXPECT_TRUE(run.status.ok()) << command << ": " << run.status.error().message();
  }
}

INSTANTIATE_TEST_SUITE_P(Chips, DeviceCommandE2E,
                         ::testing::Values("esp8266", "esp32", "esp32s2", "esp32s3", "esp32c3",
                                           "esp32c6", "esp32h2"));

TEST(DeviceCommandE2E, WrongChipArgumentIsOneClearError) {
  Bench bench("esp32c3");
  DeviceRequest req;
  req.command = "read_mac";
  req.chip = "esp32";
  auto run = bench.run(req);
  ASSERT_FALSE(run.status.ok());
  EXPECT_EQ(run.status.error().name(), "chip_mismatch");
  EXPECT_EQ(run.status.error().message(), "This chip is ESP32-C3 not ESP32. Wrong --chip argument?");
}

}  // namespace
