// check_flash_layout: the page's refusals before writing (overlap, past the end of flash, a
// bootloader at another chip's offset), each one sentence with a stable error code.
#include "core/image/flash_layout.h"

#include <gtest/gtest.h>

namespace esptool::image {
namespace {

AddressedFile file(uint32_t address, const std::string& name, size_t size, uint8_t first = 0x00) {
  Bytes data(size, 0xAA);
  if (size) data[0] = first;
  return {address, name, std::move(data)};
}

const chips::ChipInfo& chip(const char* key) { return *chips::find_chip(key); }

TEST(FlashLayout, AnIdfLayoutForTheChipPasses) {
  std::vector<AddressedFile> files{file(0x1000, "bootloader.bin", 0x6000, 0xE9),
                                   file(0x8000, "partition-table.bin", 0xC00),
                                   file(0x10000, "app.bin", 0x40000, 0xE9)};
  EXPECT_TRUE(check_flash_layout(files, &chip("esp32"), 4u << 20).ok());
}

TEST(FlashLayout, FilesSharingASectorAreRefusedAsEsptoolDoes) {
  std::vector<AddressedFile> files{file(0x10000, "app.bin", 0x1001), file(0x11000, "data.bin", 16)};
  Status s = check_flash_layout(files, &chip("esp32"), std::nullopt);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kOverlap);
  EXPECT_EQ(s.error().message(), "Detected overlap at address: 0x11000 for file: data.bin");
}

TEST(FlashLayout, AFileEndingPastTheDetectedFlashIsRefused) {
  std::vector<AddressedFile> files{file(0x3F0000, "big.bin", 0x20000)};
  EXPECT_TRUE(check_flash_layout(files, &chip("esp32"), std::nullopt).ok());  // size unknown
  Status s = check_flash_layout(files, &chip("esp32"), 4u << 20);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kImageTooBig);
  EXPECT_EQ(s.error().message(),
            "File big.bin (length 131072) at offset 4128768 will not fit in 4194304 bytes of flash. "
            "Change the --flash_size argument, or flashing address.");
  EXPECT_TRUE(check_flash_layout({file(0x3E0000, "fits.bin", 0x20000)}, &chip("esp32"), 4u << 20).ok());
}

TEST(FlashLayout, AnImageAtAnotherChipsBootloaderOffsetIsRefused) {
  // An ESP32 build (bootloader at 0x1000) on an ESP32-S3 (bootloader at 0x0).
  Status s = check_flash_layout({file(0x1000, "bootloader.bin", 0x5000, 0xE9)}, &chip("esp32s3"), 8u << 20);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kBadArgument);
  EXPECT_EQ(s.error().message(),
            "bootloader.bin looks like a bootloader at 0x1000, but the ESP32-S3 bootloader goes at "
            "0x0: move it there (or pick the build for this chip).");
  // ...and an S3 build on an ESP32.
  EXPECT_FALSE(check_flash_layout({file(0x0, "bootloader.bin", 0x5000, 0xE9)}, &chip("esp32"), 4u << 20).ok());
  // Raw data at such an offset is not a bootloader; nor is anything without a known chip.
  EXPECT_TRUE(check_flash_layout({file(0x1000, "nvs.bin", 0x1000, 0x00)}, &chip("esp32s3"), 8u << 20).ok());
  EXPECT_TRUE(check_flash_layout({file(0x1000, "bootloader.bin", 0x5000, 0xE9)}, nullptr, std::nullopt).ok());
}

}  // namespace
}  // namespace esptool::image
