// ESP32-S2: chips.md §1, §6, §7 (esptool/targets/esp32s2.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp32s2() {
  static const ChipInfo kChip{
      .key = "esp32s2",
      .name = "ESP32-S2",
      .is_esp8266 = false,
      .image_chip_id = 2,
      .magic_values = {0x000007C6},
      .bootloader_offset = 0x1000,
      .uf2_family_id = 0xBFDD4EEE,
      .irom = {0x40080000, 0x40B80000},
      .drom = {0x3F000000, 0x3F3F0000},
      .memory_map = {{0x00000000, 0x00010000, "PADDING"},
                     {0x3F000000, 0x3FF80000, "DROM"},
                     {0x3F500000, 0x3FF80000, "EXTRAM_DATA"},
                     {0x3FF9E000, 0x3FFA0000, "RTC_DRAM"},
                     {0x3FF9E000, 0x40000000, "BYTE_ACCESSIBLE"},
                     {0x3FF9E000, 0x40072000, "MEM_INTERNAL"},
                     {0x3FFB0000, 0x40000000, "DRAM"},
                     {0x40000000, 0x4001A100, "IROM_MASK"},
                     {0x40020000, 0x40070000, "IRAM"},
                     {0x40070000, 0x40072000, "RTC_IRAM"},
                     {0x40080000, 0x40800000, "IROM"},
                     {0x50000000, 0x50002000, "RTC_DATA"}},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreq80m40m26m20m,
      .mmu_page_sizes = {},
  };
  return kChip;
}

}  // namespace esptool::chips
