// ESP8266: chips.md §1, §6, §7 (esptool/targets/esp8266.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp8266() {
  static const ChipInfo kChip{
      .key = "esp8266",
      .name = "ESP8266",
      .is_esp8266 = true,
      .image_chip_id = std::nullopt,
      .magic_values = {0xFFF0C101},
      .bootloader_offset = 0x0,
      .uf2_family_id = 0x7EAB61ED,
      .irom = {0x40200000, 0x40300000},
      .drom = {0, 0},
      .memory_map = {{0x3FF00000, 0x3FF00010, "DPORT"},
                     {0x3FFE8000, 0x40000000, "DRAM"},
                     {0x40100000, 0x40108000, "IRAM"},
                     {0x40201010, 0x402E1010, "IROM"}},
      .flash_sizes = tables::kEsp8266FlashSizes,
      .flash_freqs = tables::kFreq80m40m26m20m,
      .mmu_page_sizes = {},
  };
  return kChip;
}

}  // namespace esptool::chips
