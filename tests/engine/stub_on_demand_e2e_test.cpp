// Stubs on demand (DeviceRequest::stubs_on_demand, engine::LoadStub): the engine asks its driver
// for the one stub file the detected chip needs, once per upload, and says clearly when the
// driver could not get it.
#include <gtest/gtest.h>

#include "tests/engine/device_bench.h"

namespace {

using esptool::ops::DeviceRequest;
using esptool::testing::has_line;
using Bench = esptool::testing::DeviceBench;

DeviceRequest chip_id_on_demand() {
  DeviceRequest req;
  req.command = "chip_id";
  req.stubs_on_demand = true;
  return req;
}

TEST(StubOnDemand, AsksForTheDetectedChipsFileOnlyAndRunsIt) {
  Bench bench("esp32c3");
  bench.driver.serve_stubs(esptool::testing::all_stubs());
  auto run = bench.run(chip_id_on_demand());
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_EQ(bench.driver.stub_requests(), std::vector<std::string>{"stub_flasher_32c3.bin"});
  EXPECT_TRUE(has_line(run, "Stub running..."));
}

TEST(StubOnDemand, AFileInTheRequestIsNotAskedFor) {
  Bench bench("esp32s3");
  bench.driver.serve_stubs({});
  DeviceRequest req = chip_id_on_demand();
  req.stubs = esptool::testing::all_stubs();
  auto run = bench.run(req);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_TRUE(bench.driver.stub_requests().empty());
  EXPECT_TRUE(has_line(run, "Stub running..."));
}

TEST(StubOnDemand, AFileNotShippedMeansRomOnlyWithAWarning) {
  Bench bench("esp32");
  bench.driver.serve_stubs({});
  auto run = bench.run(chip_id_on_demand());
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_EQ(bench.driver.stub_requests(), std::vector<std::string>{"stub_flasher_32.bin"});
  EXPECT_TRUE(has_line(run, "WARNING: no flasher stub for ESP32"));
  EXPECT_FALSE(has_line(run, "Stub running..."));
}

TEST(StubOnDemand, AFileTheDriverCouldNotGetIsOneClearError) {
  Bench bench("esp32c6");  // no serve_stubs: the driver answers unavailable
  auto run = bench.run(chip_id_on_demand());
  ASSERT_FALSE(run.status.ok());
  EXPECT_EQ(run.status.error().message(),
            "Could not load the flasher stub stub_flasher_32c6.bin: this driver serves no stub files");
  EXPECT_FALSE(has_line(run, "Uploading stub..."));
}

TEST(StubOnDemand, WithoutOnDemandNothingIsAsked) {
  Bench bench("esp32c3");
  bench.driver.serve_stubs(esptool::testing::all_stubs());
  DeviceRequest req = chip_id_on_demand();
  req.stubs_on_demand = false;
  auto run = bench.run(req);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_TRUE(bench.driver.stub_requests().empty());
  EXPECT_TRUE(has_line(run, "WARNING: no flasher stub for ESP32-C3"));
}

}  // namespace
