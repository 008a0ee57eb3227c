// ESP32-H2(beta2): chips.md §1, §6, §7 (esptool/targets/esp32h2beta2.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp32h2beta2() {
  static const ChipInfo kChip{
      .key = "esp32h2beta2",
      .name = "ESP32-H2(beta2)",
      .is_esp8266 = false,
      .image_chip_id = 14,
      .magic_values = {0x6881B06F},
      .bootloader_offset = 0x0,
      .uf2_family_id = 0xD42BA06C,
      .irom = {0x42000000, 0x42800000},
      .drom = {0x3C000000, 0x3C800000},
      .memory_map = {},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreqEsp32H2,
      .mmu_page_sizes = {},
      .is_beta = true,
  };
  return kChip;
}

}  // namespace esptool::chips
