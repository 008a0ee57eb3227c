// ESP32-S3: chips.md §1, §6, §7 (esptool/targets/esp32s3.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp32s3() {
  static const ChipInfo kChip{
      .key = "esp32s3",
      .name = "ESP32-S3",
      .is_esp8266 = false,
      .image_chip_id = 9,
      .magic_values = {0x00000009},
      .bootloader_offset = 0x0,
      .uf2_family_id = 0xC47E5767,
      .irom = {0x42000000, 0x44000000},
      .drom = {0x3C000000, 0x3E000000},
      .memory_map = {{0x00000000, 0x00010000, "PADDING"},
                     {0x3C000000, 0x3D000000, "DROM"},
                     {0x3D000000, 0x3E000000, "EXTRAM_DATA"},
                     {0x600FE000, 0x60100000, "RTC_DRAM"},
                     {0x3FC88000, 0x3FD00000, "BYTE_ACCESSIBLE"},
                     {0x3FC88000, 0x403E2000, "MEM_INTERNAL"},
                     {0x3FC88000, 0x3FD00000, "DRAM"},
                     {0x40000000, 0x4001A100, "IROM_MASK"},
                     {0x40370000, 0x403E0000, "IRAM"},
                     {0x600FE000, 0x60100000, "RTC_IRAM"},
                     {0x42000000, 0x42800000, "IROM"},
                     {0x50000000, 0x50002000, "RTC_DATA"}},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreq80m40m26m20m,
      .mmu_page_sizes = {},
  };
  return kChip;
}

}  // namespace esptool::chips
