// write_flash refuses app images for another chip or chip revision unless --force is given, as
// esptool does, before any byte reaches the flash.
#include <gtest/gtest.h>

#include "tests/engine/device_bench.h"
#include "tests/support/image_writer.h"

namespace {

using esptool::Bytes;
using esptool::ops::DeviceRequest;
using esptool::testing::DeviceBench;

constexpr uint16_t kChipIdEsp32 = 0;
constexpr uint16_t kChipIdEsp32c3 = 5;

// An ESP32-C3-style app image whose extended header asks for revisions [min_full, max_full].
Bytes app_image(uint16_t chip_id, uint16_t min_rev_full, uint16_t max_rev_full) {
  esptool::testing::RamImageSpec spec;
  spec.chip_id = chip_id;
  spec.entry = 0x40380000;
  spec.append_digest = false;
  spec.segments = {{0x3FC80000, Bytes(64, 0x5A)}};
  Bytes image = esptool::testing::ram_image(spec);
  image[15] = uint8_t(min_rev_full);  // extended header: min_rev_full (LE) at 15, max at 17
  image[16] = uint8_t(min_rev_full >> 8);
  image[17] = uint8_t(max_rev_full);
  image[18] = uint8_t(max_rev_full >> 8);
  return image;
}

esptool::testing::SimRun write(const Bytes& image, bool force) {
  DeviceBench bench("esp32c3");
  DeviceRequest req;
  req.command = "write_flash";
  req.no_stub = true;
  req.force = force;
  req.files = {{0x10000, image, "app.bin"}};
  return bench.run(req);
}

bool wrote(const esptool::testing::SimRun& run) { return esptool::testing::has_line(run, "Wrote "); }

TEST(WriteChecksE2E, ImageForAnotherChipIsRefusedBeforeWriting) {
  auto run = write(app_image(kChipIdEsp32, 0, 0xFFFF), false);
  ASSERT_FALSE(run.status.ok());
  EXPECT_EQ(run.status.error().message(), "app.bin is not an ESP32-C3 image. Use --force to flash anyway.");
  EXPECT_FALSE(wrote(run));
}

TEST(WriteChecksE2E, ImageForALaterRevisionIsRefusedNamingBothRevisions) {
  auto run = write(app_image(kChipIdEsp32c3, 9900, 0xFFFF), false);
  ASSERT_FALSE(run.status.ok());
  const std::string m = run.status.error().message();
  EXPECT_EQ(m.rfind("app.bin requires chip revision in range [v99.0 - max rev not set] (this chip is revision v", 0), 0u) << m;
  EXPECT_NE(m.find("Use --force to flash anyway."), std::string::npos) << m;
  EXPECT_FALSE(wrote(run));
}

TEST(WriteChecksE2E, ImageForAnEarlierRevisionRangeIsRefused) {
  auto run = write(app_image(kChipIdEsp32c3, 0, 0), false);  // max 0 -> min_rev (0) is used: fine
  EXPECT_TRUE(run.status.ok()) << run.status.error().message();
  auto capped = write(app_image(kChipIdEsp32c3, 0, 1), false);  // only v0.0 - v0.1 allowed
  ASSERT_FALSE(capped.status.ok());
  EXPECT_NE(capped.status.error().message().find("[v0.0 - v0.1]"), std::string::npos)
      << capped.status.error().message();
}

TEST(WriteChecksE2E, ForceWritesAnyway) {
  auto run = write(app_image(kChipIdEsp32, 9900, 0xFFFF), true);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_TRUE(wrote(run));
}

TEST(WriteChecksE2E, CompressedWriteToTheEsp8266RomIsRefusedAsEsptoolDoes) {
  DeviceBench bench("esp8266");
  DeviceRequest req;
  req.command = "write_flash";
  req.no_stub = true;
  req.compress = true;
  req.files = {{0x10000, Bytes(4096, 0x11), "data.bin"}};
  auto run = bench.run(req);
  ASSERT_FALSE(run.status.ok());
  EXPECT_EQ(run.status.error().message(), "ESP8266 ROM does not support function flash_defl_begin.");
  EXPECT_FALSE(wrote(run));
}

}  // namespace
