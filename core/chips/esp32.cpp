// ESP32: chips.md §1, §6, §7 (esptool/targets/esp32.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp32() {
  static const ChipInfo kChip{
      .key = "esp32",
      .name = "ESP32",
      .is_esp8266 = false,
      .image_chip_id = 0,
      .magic_values = {0x00F01D83},
      .bootloader_offset = 0x1000,
      .uf2_family_id = 0x1C5F21B0,
      .irom = {0x400D0000, 0x40400000},
      .drom = {0x3F400000, 0x3F800000},
      .memory_map = {{0x00000000, 0x00010000, "PADDING"},
                     {0x3F400000, 0x3F800000, "DROM"},
                     {0x3F800000, 0x3FC00000, "EXTRAM_DATA"},
                     {0x3FF80000, 0x3FF82000, "RTC_DRAM"},
                     {0x3FF90000, 0x40000000, "BYTE_ACCESSIBLE"},
                     {0x3FFAE000, 0x40000000, "DRAM"},
                     {0x3FFE0000, 0x3FFFFFFC, "DIRAM_DRAM"},
                     {0x40000000, 0x40070000, "IROM"},
                     {0x40070000, 0x40078000, "CACHE_PRO"},
                     {0x40078000, 0x40080000, "CACHE_APP"},
                     {0x40080000, 0x400A0000, "IRAM"},
                     {0x400A0000, 0x400BFFFC, "DIRAM_IRAM"},
                     {0x400C0000, 0x400C2000, "RTC_IRAM"},
                     {0x400D0000, 0x40400000, "IROM"},
                     {0x50000000, 0x50002000, "RTC_DATA"}},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreq80m40m26m20m,
      .mmu_page_sizes = {},
      .pads_flash_segment_tail = true,
  };
  return kChip;
}

}  // namespace esptool::chips
