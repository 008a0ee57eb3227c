// Image parser: round trips with elf2image output, detection, and every rejection path.
#include <gtest/gtest.h>

#include "core/chips/chip.h"
#include "core/image/elf2image.h"
#include "core/image/firmware_image.h"
#include "tests/support/elf_scenarios.h"

namespace {

using esptool::Bytes;
using esptool::image::parse_image;

Bytes esp32_app_image() {
  esptool::image::Elf2ImageOptions o;
  o.chip = "esp32";
  auto out = esptool::image::elf2image(esptool::testing::idf_app_elf("esp32"), o);
  EXPECT_TRUE(out.ok());
  return out->files.at(0).data;
}

TEST(FirmwareImage, Elf2ImageOutputParsesWithValidChecksumAndDigest) {
  const Bytes img = esp32_app_image();
  auto p = parse_image(img, *esptool::chips::find_chip("esp32"));
  ASSERT_TRUE(p.ok()) << p.error().message();
  EXPECT_TRUE(p->checksum_valid());
  EXPECT_TRUE(p->sha256_valid());
  EXPECT_EQ(p->data_length + 32, img.size());
  EXPECT_EQ(p->extended->chip_id, 0);
  EXPECT_TRUE(p->warnings.empty());
}

TEST(FirmwareImage, DetectsChipFromExtendedHeaderAndFallsBackToEsp8266) {
  Bytes img = esp32_app_image();
  EXPECT_STREQ(esptool::image::detect_image_chip(img).key, "esp32");
  img[12] = 13;
  EXPECT_STREQ(esptool::image::detect_image_chip(img).key, "esp32c6");
  img[12] = 99;
  EXPECT_STREQ(esptool::image::detect_image_chip(img).key, "esp8266");
  img[12] = 0;
  img[23] = 7;  // not a valid append_digest byte
  EXPECT_STREQ(esptool::image::detect_image_chip(img).key, "esp8266");
}

TEST(FirmwareImage, CorruptedByteMakesChecksumOrDigestInvalid) {
  Bytes img = esp32_app_image();
  img[0x40] ^= 0xFF;  // inside the first segment's data
  auto p = parse_image(img, *esptool::chips::find_chip("esp32"));
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->checksum_valid());
  EXPECT_FALSE(p->sha256_valid());
}

TEST(FirmwareImage, WrongChipIdIsAWarningNotAnError) {
  auto p = parse_image(esp32_app_image(), *esptool::chips::find_chip("esp32s3"));
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->warnings.size(), 1u);
  EXPECT_EQ(p->warnings[0],
            "Unexpected chip id in image. Expected 9 but value was 0. Is this image for a "
            "different chip model?");
}

TEST(FirmwareImage, EveryTruncationIsAnErrorForEveryChip) {
  const Bytes img = esp32_app_image();
  for (const auto* chip : esptool::chips::all_chips()) {
    for (size_t len = 0; len + 32 < img.size(); len += 331) {
      Bytes cut(img.begin(), img.begin() + len);
      auto p = parse_image(cut, *chip);
      EXPECT_FALSE(p.ok()) << chip->key << " length " << len;
    }
  }
}

// The layout-only parse answers "is this a valid image, and what do its headers say" exactly as
// the full one does, for every chip's image class and every cut of the file.
TEST(FirmwareImage, LayoutParseFailsWhereTheFullParseFailsAndKeepsTheHeaders) {
  using esptool::image::ParseDepth;
  const Bytes img = esp32_app_image();
  for (const auto* chip : esptool::chips::all_chips()) {
    for (size_t len = 0; len <= img.size(); len += len + 331 < img.size() ? 331 : 1) {
      const std::span<const uint8_t> cut(img.data(), len);
      auto full = parse_image(cut, *chip);
      auto layout = parse_image(cut, *chip, ParseDepth::kLayout);
      ASSERT_EQ(full.ok(), layout.ok()) << chip->key << " length " << len;
      if (!full.ok()) {
        EXPECT_EQ(full.error().message(), layout.error().message());
        continue;
      }
      EXPECT_EQ(full->data_length, layout->data_length);
      EXPECT_EQ(full->entry, layout->entry);
      EXPECT_EQ(full->flash_mode, layout->flash_mode);
      EXPECT_EQ(full->flash_size_freq, layout->flash_size_freq);
      EXPECT_EQ(full->stored_sha256, layout->stored_sha256);
      EXPECT_EQ(full->warnings, layout->warnings);
      EXPECT_EQ(full->extended.has_value(), layout->extended.has_value());
      ASSERT_EQ(full->segments.size(), layout->segments.size());
      for (size_t i = 0; i < full->segments.size(); ++i) {
        EXPECT_EQ(full->segments[i].address, layout->segments[i].address);
        EXPECT_EQ(full->segments[i].file_offset, layout->segments[i].file_offset);
        EXPECT_TRUE(layout->segments[i].data.empty());
      }
      EXPECT_TRUE(layout->calculated_sha256.empty());
    }
  }
}

TEST(FirmwareImage, MoreThanSixteenSegmentsIsRejected) {
  Bytes img = {0xE9, 17, 0, 0, 0, 0, 0, 0};
  img.resize(24, 0);
  img[8] = 0xEE;
  for (int i = 0; i < 17; ++i) {
    esptool::append_le32(img, 0x3FFB0000 + 16 * i);
    esptool::append_le32(img, 4);
    esptool::append_le32(img, 0);
  }
  esptool::image::append_checksum_footer(img, 0xEF);
  auto p = parse_image(img, *esptool::chips::find_chip("esp32"));
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message().find("Invalid segment count 17"), std::string::npos);
}

TEST(FirmwareImage, Esp8266V1AndV2ImagesParse) {
  esptool::image::Elf2ImageOptions v2;
  v2.version = 2;
  auto out = esptool::image::elf2image(esptool::testing::esp8266_nonos_elf(0x40201010), v2);
  ASSERT_TRUE(out.ok()) << out.error().message();
  auto p = parse_image(out->files.at(0).data, *esptool::chips::find_chip("esp8266"));
  ASSERT_TRUE(p.ok()) << p.error().message();
  EXPECT_EQ(p->image_version, 2);
  EXPECT_EQ(p->segments[0].address, 0u);  // the IROM segment carries load address 0
  EXPECT_TRUE(p->checksum_valid());
}

}  // namespace
