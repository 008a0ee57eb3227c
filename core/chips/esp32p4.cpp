// ESP32-P4: chips.md §1, §6, §7 (esptool/targets/esp32p4.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp32p4() {
  static const ChipInfo kChip{
      .key = "esp32p4",
      .name = "ESP32-P4",
      .is_esp8266 = false,
      .image_chip_id = 18,
      .magic_values = {0x00000000, 0x0ADDBAD0},
      .bootloader_offset = 0x2000,
      .uf2_family_id = 0x3D308E94,
      .irom = {0x40000000, 0x4C000000},
      .drom = {0x40000000, 0x4C000000},
      .memory_map = {{0x00000000, 0x00010000, "PADDING"},
                     {0x40000000, 0x4C000000, "DROM"},
                     {0x4FF00000, 0x4FFA0000, "DRAM"},
                     {0x4FF00000, 0x4FFA0000, "BYTE_ACCESSIBLE"},
                     {0x4FC00000, 0x4FC20000, "DROM_MASK"},
                     {0x4FC00000, 0x4FC20000, "IROM_MASK"},
                     {0x40000000, 0x4C000000, "IROM"},
                     {0x4FF00000, 0x4FFA0000, "IRAM"},
                     {0x50108000, 0x50110000, "RTC_IRAM"},
                     {0x50108000, 0x50110000, "RTC_DRAM"},
                     {0x600FE000, 0x60100000, "MEM_INTERNAL2"}},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreq80m40m26m20m,
      .mmu_page_sizes = {},
  };
  return kChip;
}

}  // namespace esptool::chips
