// update_image_flash_params (image-format.md §5). Inputs are generated fixtures
// (tests/support/fixtures.cpp) or simple derivations of them built below. Every expectation
// (lines and the SHA-256 of the patched file) is what esptool v4.8.1 printed and wrote for the
// same bytes with `esptool.py --chip C merge_bin -o o.bin -t ADDR [flash opts] ADDR FILE` (so the
// output is exactly the patched file), run from an extracted v4.8.1 tree with Debian's python3.
#include "core/image/flash_params.h"

#include <gtest/gtest.h>

#include "core/chips/chip.h"
#include "tests/support/fixtures.h"
#include "tests/support/ref_sha256.h"

namespace esptool::image {
namespace {

Bytes fixture(const std::string& name) {
  for (auto& f : testing::all_fixtures()) {
    if (f.name == name) return f.bytes;
  }
  ADD_FAILURE() << "no fixture " << name;
  return {};
}

// A one-segment ESP8266 v1 image (16 bytes at `address`, entry 0x40100004, size/freq 0x20).
Bytes esp8266_image(uint32_t address) {
  Bytes img = {0xE9, 1, 0, 0x20};
  append_le32(img, 0x40100004);
  append_le32(img, address);
  append_le32(img, 16);
  uint8_t checksum = 0xEF;
  for (uint8_t i = 0; i < 16; ++i) {
    img.push_back(i);
    checksum ^= i;
  }
  img.resize(img.size() + 15 - img.size() % 16, 0);
  img.push_back(checksum);
  return img;
}

struct Outcome {
  Status status;
  std::vector<std::string> lines;
  Bytes data;
};

Outcome patch(const char* chip_key, uint32_t address, Bytes data, FlashParamsRequest req) {
  const chips::ChipInfo* chip = chips::find_chip(chip_key);
  EXPECT_NE(chip, nullptr);
  Outcome o;
  o.status = update_image_flash_params(data, address, *chip, req, o.lines);
  o.data = std::move(data);
  return o;
}

FlashParamsRequest req(const char* mode, const char* freq, const char* size) {
  return FlashParamsRequest{mode, freq, size};
}

using Lines = std::vector<std::string>;
const char* const kShaUpdated = "SHA digest in image updated";
const char* const kUnchangedBootEsp32 =
    "4e585621122989f09b6be0f53ec5725c908d48375ae7b946a5d78c884901a583";

TEST(FlashParams, ModeAndSizeArePatchedAndTheDigestRecomputed) {
  auto o = patch("esp32", 0x1000, fixture("boot_esp32.bin"), req("dio", "keep", "4MB"));
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.lines, (Lines{"Flash params set to 0x0220", kShaUpdated}));
  EXPECT_EQ(o.data[2], 0x02);
  EXPECT_EQ(o.data[3], 0x20);
  EXPECT_EQ(testing::ref_sha256_hex(o.data),
            "6f9e40fd5de5057050a98a2f16a533bfef6a6317862beed16216beb34a75ca39");
}

TEST(FlashParams, SameValuesStillRedigestWithoutTheSetMessage) {
  auto o = patch("esp32", 0x1000, fixture("boot_esp32.bin"), req("dio", "keep", "keep"));
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.lines, (Lines{kShaUpdated}));
  EXPECT_EQ(testing::ref_sha256_hex(o.data), kUnchangedBootEsp32);
}

TEST(FlashParams, AllKeepWrongOffsetOrShortFileLeaveTheBytesAlone) {
  const Bytes boot = fixture("boot_esp32.bin");
  auto keep = patch("esp32", 0x1000, boot, req("keep", "keep", "keep"));
  auto elsewhere = patch("esp32", 0x2000, boot, req("dio", "60m", "2MB-c1"));  // not even checked
  auto shorty = patch("esp32", 0x1000, Bytes{0xE9, 1, 2}, req("dio", "keep", "keep"));
  for (const auto* o : {&keep, &elsewhere, &shorty}) {
    EXPECT_TRUE(o->status.ok());
    EXPECT_TRUE(o->lines.empty());
  }
  EXPECT_EQ(keep.data, boot);
  EXPECT_EQ(elsewhere.data, boot);
  EXPECT_EQ(shorty.data, (Bytes{0xE9, 1, 2}));
}

TEST(FlashParams, WrongChipImageIsPatchedWithTheChipIdWarningPrintedPerParse) {
  auto o = patch("esp32", 0x1000, fixture("boot_esp32c3.bin"), req("dio", "keep", "keep"));
  ASSERT_TRUE(o.status.ok());
  const std::string warn =
      "Unexpected chip id in image. Expected 0 but value was 5. Is this image for a different "
      "chip model?";
  EXPECT_EQ(o.lines, (Lines{warn, warn, kShaUpdated}));
  EXPECT_EQ(testing::ref_sha256_hex(o.data),
            "b6d9ee1630a4faeaf610bdbf10c0d98aad803921df538775af17f653e915c076");
}

TEST(FlashParams, TruncatedImageWarnsAndStaysUnchanged) {
  Bytes c3 = fixture("boot_esp32c3.bin");
  c3.resize(0x200);
  auto o = patch("esp32", 0x1000, c3, req("dio", "keep", "keep"));
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.lines,
            (Lines{"Unexpected chip id in image. Expected 0 but value was 5. Is this image for a "
                   "different chip model?",
                   "Warning: Image file at 0x1000 is not a valid ESP32 image, so not changing any "
                   "flash settings."}));
  EXPECT_EQ(o.data, c3);
}

TEST(FlashParams, DataWithoutTheMagicByteWarnsAndStaysUnchanged) {
  const Bytes blob = fixture("not_an_image.bin");
  auto o = patch("esp32", 0x1000, blob, req("dio", "keep", "keep"));
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.lines, (Lines{"Warning: Image file at 0x1000 doesn't look like an image file, so "
                            "not changing any flash settings."}));
  EXPECT_EQ(o.data, blob);
}

TEST(FlashParams, ImageWithoutDigestGetsNoSha) {
  auto o =
      patch("esp32s2", 0x1000, fixture("boot_esp32s2_nodigest.bin"), req("qout", "80m", "16MB"));
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.lines, (Lines{"Flash params set to 0x014f"}));
  EXPECT_EQ(testing::ref_sha256_hex(o.data),
            "2b552910b02d7ccd06287bbd3a6e0aafe6b086f2d693bb11ce59aec55c01d33c");
}

TEST(FlashParams, BytesAfterTheDigestOfAMergedImageAreKept) {
  Bytes merged = fixture("boot_esp32.bin");
  for (int i = 0; i < 0x100; ++i) merged.push_back(uint8_t(i));
  auto o = patch("esp32", 0x1000, merged, req("qio", "keep", "keep"));
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.lines, (Lines{"Flash params set to 0x0010", kShaUpdated}));
  EXPECT_EQ(testing::ref_sha256_hex(o.data),
            "d522335bc189b48ddedff1422fbdbfd1c371600b3ca673e38a2e46c4ef5e680e");
}

TEST(FlashParams, ACutDigestIsWrittenOutInFull) {
  Bytes cut = fixture("boot_esp32.bin");
  cut.resize(cut.size() - 22);
  auto o = patch("esp32", 0x1000, cut, req("keep", "keep", "2MB"));  // 2MB already set
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.lines, (Lines{kShaUpdated}));
  EXPECT_EQ(testing::ref_sha256_hex(o.data), kUnchangedBootEsp32);
}

TEST(FlashParams, Esp32C6Encodes80mAsCodeZero) {
  Bytes c6 = fixture("boot_esp32c3.bin");
  c6[12] = 13;  // ESP32-C6 IMAGE_CHIP_ID
  auto o = patch("esp32c6", 0x0, c6, req("keep", "80m", "8MB"));
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.lines, (Lines{"Flash params set to 0x0230", kShaUpdated}));
  EXPECT_EQ(testing::ref_sha256_hex(o.data),
            "073952e94ab1ab5e568c7893c01b455f7c2d4d4ea63786f98b2293b6222ab9c8");
}

TEST(FlashParams, Esp8266ImageUsesItsOwnSizeTableAndHasNoDigest) {
  auto o = patch("esp8266", 0x0, esp8266_image(0x40100000), req("dout", "80m", "4MB"));
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.lines, (Lines{"Flash params set to 0x034f"}));
  EXPECT_EQ(testing::ref_sha256_hex(o.data),
            "fc2dc71354c1d67416e0ae8497c362281e05ccc8be2cf2c95c688bdb363261c2");
}

TEST(FlashParams, Esp8266LoadWarningsComeFirst) {
  auto o = patch("esp8266", 0x0, esp8266_image(0x50000000), req("dio", "keep", "keep"));
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.lines, (Lines{"WARNING: Suspicious segment 0x50000000, length 16",
                            "Flash params set to 0x0220"}));
  EXPECT_EQ(testing::ref_sha256_hex(o.data),
            "0c109d0b251924808f120cdcb39f16e3c591bd1682c45c86500fa6ea7ab4795f");
}

TEST(FlashParams, ValuesTheChipDoesNotKnowAreEsptoolsFatalErrors) {
  auto freq = patch("esp32", 0x1000, fixture("boot_esp32.bin"), req("keep", "60m", "keep"));
  ASSERT_FALSE(freq.status.ok());
  EXPECT_EQ(freq.status.error().message(),
            "Flash frequency '60m' is not supported by this chip type. Supported frequencies: "
            "80m, 40m, 26m, 20m");
  auto size = patch("esp32", 0x1000, fixture("boot_esp32.bin"), req("keep", "keep", "2MB-c1"));
  ASSERT_FALSE(size.status.ok());
  EXPECT_EQ(size.status.error().message(),
            "Flash size '2MB-c1' is not supported by this chip type. Supported sizes: 1MB, 2MB, "
            "4MB, 8MB, 16MB, 32MB, 64MB, 128MB");
}

}  // namespace
}  // namespace esptool::image
