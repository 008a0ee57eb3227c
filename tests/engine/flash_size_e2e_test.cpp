// "Configuring flash size..." as esptool.py v4.8.1's main() does it: --flash_size detect says
// what the JEDEC id gave, keep stays quiet (and warns without the stub), read_flash ALL detects.
#include <gtest/gtest.h>

#include "tests/engine/device_bench.h"

namespace {

using esptool::ops::DeviceRequest;
using esptool::testing::DeviceBench;
using esptool::testing::has_line;

DeviceRequest write_request(const std::string& flash_size, bool no_stub) {
  DeviceRequest req;
  req.command = "write_flash";
  req.flash_size = flash_size;
  req.no_stub = no_stub;
  req.stubs = esptool::testing::all_stubs();
  req.files = {{0x10000, esptool::Bytes(4096, 0x42), "data.bin"}};
  return req;
}

TEST(FlashSizeE2E, DetectPrintsTheAutoDetectedSize) {
  DeviceBench bench("esp32");  // hw-sim's default flash is 4 MB
  auto run = bench.run(write_request("detect", false));
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_TRUE(has_line(run, "Auto-detected Flash size: 4MB")) << esptool::testing::all_lines(run);
}

TEST(FlashSizeE2E, KeepIsQuietWithTheStubAndWarnsWithTheRom) {
  DeviceBench stub_bench("esp32c3");
  auto stub = stub_bench.run(write_request("keep", false));
  ASSERT_TRUE(stub.status.ok()) << stub.status.error().message();
  EXPECT_FALSE(has_line(stub, "Auto-detected"));
  EXPECT_FALSE(has_line(stub, "WARNING: In case of failure"));

  DeviceBench rom_bench("esp32c3");
  auto rom = rom_bench.run(write_request("keep", true));
  ASSERT_TRUE(rom.status.ok()) << rom.status.error().message();
  EXPECT_TRUE(has_line(rom, "WARNING: In case of failure, please set a specific --flash_size."));
}

TEST(FlashSizeE2E, ReadFlashAllReadsToTheEndOfTheDetectedFlash) {
  hwsim::DeviceOptions options = esptool::testing::bench_options("esp32c3");
  options.flash_size = 1u << 20;
  DeviceBench bench(options);
  DeviceRequest req;
  req.command = "read_flash";
  req.address = 0xF0000;
  req.size = 0xFFFFFFFF;  // ALL
  req.stubs = esptool::testing::all_stubs();
  req.baud = 921600;
  auto run = bench.run(req);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_TRUE(has_line(run, "Detected flash size: 1MB")) << esptool::testing::all_lines(run);
  EXPECT_EQ(run.report.data.size(), 0x10000u);
}

}  // namespace
