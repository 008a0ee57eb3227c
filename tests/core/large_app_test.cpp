// The benchmark app (esp32_large_app_elf) and its firmware-like filler: deterministic, the
// requested size, compressible like real firmware, and a valid input for elf2image/image_info.
#include <gtest/gtest.h>
#include <zlib.h>

#include "core/image/elf2image.h"
#include "core/image/image_info.h"
#include "tests/support/elf_scenarios.h"
#include "tests/support/firmware_fill.h"

namespace esptool::testing {
namespace {

double deflate_ratio(const Bytes& in) {
  uLongf out_size = compressBound(uLong(in.size()));
  Bytes out(out_size);
  EXPECT_EQ(compress2(out.data(), &out_size, in.data(), uLong(in.size()), 9), Z_OK);
  return double(out_size) / double(in.size());
}

TEST(FirmwareFill, SameArgumentsGiveSameBytesAndOtherSeedsDiffer) {
  EXPECT_EQ(firmware_code_bytes(5000, 0x400D0020, 7), firmware_code_bytes(5000, 0x400D0020, 7));
  EXPECT_NE(firmware_code_bytes(5000, 0x400D0020, 7), firmware_code_bytes(5000, 0x400D0020, 8));
  EXPECT_EQ(firmware_rodata_bytes(5000, 0x3F400020, 7), firmware_rodata_bytes(5000, 0x3F400020, 7));
  EXPECT_EQ(firmware_code_bytes(12345, 0, 1).size(), 12345u);
  EXPECT_EQ(firmware_rodata_bytes(12345, 0, 1).size(), 12345u);
}

// Real ESP-IDF apps deflate to roughly half (esptool's "Wrote N bytes (M compressed)"): neither
// noise (ratio ~1) nor zeros (ratio ~0).
TEST(FirmwareFill, DeflatesLikeFirmwareNotLikeNoiseOrZeros) {
  const double code = deflate_ratio(firmware_code_bytes(256 * 1024, 0x400D0020, 1));
  const double rodata = deflate_ratio(firmware_rodata_bytes(256 * 1024, 0x3F400020, 1));
  EXPECT_GT(code, 0.35);
  EXPECT_LT(code, 0.75);
  EXPECT_GT(rodata, 0.25);
  EXPECT_LT(rodata, 0.75);
}

TEST(LargeAppElf, Elf2ImageMakesAnImageOfAboutTheRequestedFlashSize) {
  const Bytes elf = esp32_large_app_elf(1000000);
  EXPECT_EQ(elf, esp32_large_app_elf(1000000));
  image::Elf2ImageOptions opts;
  opts.chip = "esp32";
  opts.flash_size = "4MB";
  auto out = image::elf2image(elf, opts);
  ASSERT_TRUE(out.ok()) << out.error().message();
  ASSERT_EQ(out->files.size(), 1u);
  const Bytes& bin = out->files[0].data;
  EXPECT_GT(bin.size(), 1000000u);
  EXPECT_LT(bin.size(), 1000000u + 0x30000u);  // RAM segments plus 64 KiB page padding

  image::ImageInfoOptions info_opts;
  info_opts.chip = "esp32";
  auto info = image::image_info(bin, info_opts);
  ASSERT_TRUE(info.ok()) << info.error().message();
  EXPECT_TRUE(info->image.checksum_valid());
  EXPECT_TRUE(info->image.sha256_valid());
  ASSERT_TRUE(info->app.has_value());
  EXPECT_EQ(info->app->project_name, "large_app");
}

}  // namespace
}  // namespace esptool::testing
