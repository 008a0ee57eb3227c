// ESP32-C2: chips.md §1, §6, §7 (esptool/targets/esp32c2.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp32c2() {
  static const ChipInfo kChip{
      .key = "esp32c2",
      .name = "ESP32-C2",
      .is_esp8266 = false,
      .image_chip_id = 12,
      .magic_values = {0x6F51306F, 0x7C41A06F, 0x0C21E06F},
      .bootloader_offset = 0x0,
      .uf2_family_id = 0x2B88D29C,
      .irom = {0x42000000, 0x42400000},
      .drom = {0x3C000000, 0x3C400000},
      .memory_map = {{0x00000000, 0x00010000, "PADDING"},
                     {0x3C000000, 0x3C400000, "DROM"},
                     {0x3FCA0000, 0x3FCE0000, "DRAM"},
                     {0x3FC88000, 0x3FD00000, "BYTE_ACCESSIBLE"},
                     {0x3FF00000, 0x3FF50000, "DROM_MASK"},
                     {0x40000000, 0x40090000, "IROM_MASK"},
                     {0x42000000, 0x42400000, "IROM"},
                     {0x4037C000, 0x403C0000, "IRAM"}},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreqEsp32C2,
      .mmu_page_sizes = tables::kMmuPagesC2,
      .mmu_page_class = "ESP32-C2",
  };
  return kChip;
}

}  // namespace esptool::chips
