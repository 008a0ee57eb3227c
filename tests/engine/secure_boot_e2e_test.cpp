// write_flash on a chip whose Secure Boot eFuse is burned (hw-sim's secure_boot option), end to
// end in virtual time, as esptool v4.8.1's write_flash behaves: writes below 0x8000 (bootloader
// and partition table) are refused unless --force, and flash settings in image headers are left
// alone with "WARNING: Security features enabled, so not changing any flash settings.".
#include <gtest/gtest.h>

#include "tests/engine/device_bench.h"
#include "tests/support/image_writer.h"

namespace {

using esptool::Bytes;
using esptool::ops::DeviceRequest;
using esptool::testing::all_lines;
using esptool::testing::all_stubs;
using esptool::testing::DeviceBench;
using esptool::testing::has_line;

constexpr const char* kRefusal =
    "Secure Boot detected, writing to flash regions < 0x8000 is disabled to protect the "
    "bootloader. Use --force to override, please use with caution, otherwise it may brick your "
    "device!";
constexpr const char* kWarning =
    "WARNING: Security features enabled, so not changing any flash settings.";

struct Chip {
  const char* key;
  uint16_t image_chip_id;
  uint32_t bootloader_offset;
};
const Chip kChips[] = {{"esp32", 0, 0x1000}, {"esp32s3", 9, 0x0}, {"esp32c3", 5, 0x0}};

hwsim::DeviceOptions secure(const char* chip, bool on = true) {
  hwsim::DeviceOptions o = esptool::testing::bench_options(chip);
  o.secure_boot = on;
  return o;
}

// A bootloader-like image for `chip`: DIO, 2MB/40m in its header, no digest (so a patched header
// would only differ in bytes 2-3).
Bytes image_for(const Chip& chip) {
  esptool::testing::RamImageSpec spec;
  spec.chip_id = chip.image_chip_id;
  spec.entry = 0x40080000;
  spec.append_digest = false;
  spec.segments = {{0x3FC80000, Bytes(0x400, 0x5A)}};
  return esptool::testing::ram_image(spec);
}

DeviceRequest write(uint32_t offset, const Bytes& data, bool force, bool stub) {
  DeviceRequest req;
  req.command = "write_flash";
  req.no_stub = !stub;
  if (stub) req.stubs = all_stubs();
  req.force = force;
  req.flash_mode = "dout";  // would patch a bootloader header to DOUT (0x03)
  req.after = "no_reset";
  req.files = {{offset, data, "boot.bin"}};
  return req;
}

TEST(SecureBootE2E, WriteBelow0x8000IsRefusedWithEsptoolsMessageAndNothingIsWritten) {
  for (const Chip& chip : kChips) {
    for (const bool stub : {false, true}) {
      DeviceBench bench(secure(chip.key));
      auto run = bench.run(write(0x1000, image_for(chip), false, stub));
      ASSERT_FALSE(run.status.ok()) << chip.key;
      EXPECT_EQ(run.status.error().message(), kRefusal) << chip.key;
      EXPECT_FALSE(has_line(run, "Wrote ")) << chip.key;
      EXPECT_EQ(bench.flash(0x1000, 0x1000), Bytes(0x1000, 0xFF)) << chip.key;
    }
  }
}

TEST(SecureBootE2E, WriteAt0x10000GoesThroughWithTheSecurityWarning) {
  for (const Chip& chip : kChips) {
    DeviceBench bench(secure(chip.key));
    const Bytes image = image_for(chip);
    auto run = bench.run(write(0x10000, image, false, true));
    ASSERT_TRUE(run.status.ok()) << chip.key << ": " << run.status.error().message();
    EXPECT_TRUE(has_line(run, kWarning)) << all_lines(run);
    EXPECT_TRUE(has_line(run, "Hash of data verified.")) << all_lines(run);
    EXPECT_EQ(bench.flash(0x10000, static_cast<uint32_t>(image.size())), image) << chip.key;
  }
}

// esptool only patches an image written at the chip's bootloader offset, so that is where the
// difference shows: with Secure Boot the header stays as built, without it it becomes DOUT.
TEST(SecureBootE2E, ForcedBootloaderWriteLandsUnpatchedWhileWithoutSecureBootItIsPatched) {
  for (const Chip& chip : kChips) {
    for (const bool stub : {false, true}) {
      const Bytes image = image_for(chip);
      const uint32_t size = static_cast<uint32_t>(image.size());
      DeviceBench with(secure(chip.key));
      auto forced = with.run(write(chip.bootloader_offset, image, true, stub));
      ASSERT_TRUE(forced.status.ok()) << chip.key << ": " << forced.status.error().message();
      EXPECT_TRUE(has_line(forced, kWarning)) << all_lines(forced);
      EXPECT_EQ(with.flash(chip.bootloader_offset, size), image) << chip.key << " unpatched";

      DeviceBench without(secure(chip.key, false));
      auto plain = without.run(write(chip.bootloader_offset, image, false, stub));
      ASSERT_TRUE(plain.status.ok()) << chip.key << ": " << plain.status.error().message();
      EXPECT_FALSE(has_line(plain, kWarning));
      EXPECT_EQ(without.flash(chip.bootloader_offset + 2, 1), Bytes{0x03}) << chip.key << " DOUT";
    }
  }
}

TEST(SecureBootE2E, ForceWritesAt0x1000) {
  const Chip& chip = kChips[2];  // ESP32-C3: 0x1000 is inside the protected bootloader area
  DeviceBench bench(secure(chip.key));
  const Bytes data(0x2000, 0x42);
  auto run = bench.run(write(0x1000, data, true, true));
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_TRUE(has_line(run, "Wrote ")) << all_lines(run);
  EXPECT_EQ(bench.flash(0x1000, 0x2000), data);
}

}  // namespace
