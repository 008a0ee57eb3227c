// ESP32-C6(beta): chips.md §1, §6, §7 (esptool/targets/esp32c6beta.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp32c6beta() {
  static const ChipInfo kChip{
      .key = "esp32c6beta",
      .name = "ESP32-C6(beta)",
      .is_esp8266 = false,
      .image_chip_id = 7,
      .magic_values = {0x0DA1806F},
      .bootloader_offset = 0x0,
      .uf2_family_id = 0xD42BA06C,
      .irom = {0x42000000, 0x42800000},
      .drom = {0x3C000000, 0x3C800000},
      .memory_map = {{0x00000000, 0x00010000, "PADDING"},
                     {0x3C000000, 0x3C800000, "DROM"},
                     {0x3FC80000, 0x3FCE0000, "DRAM"},
                     {0x3FC88000, 0x3FD00000, "BYTE_ACCESSIBLE"},
                     {0x3FF00000, 0x3FF20000, "DROM_MASK"},
                     {0x40000000, 0x40060000, "IROM_MASK"},
                     {0x42000000, 0x42800000, "IROM"},
                     {0x4037C000, 0x403E0000, "IRAM"},
                     {0x50000000, 0x50002000, "RTC_IRAM"},
                     {0x50000000, 0x50002000, "RTC_DRAM"},
                     {0x600FE000, 0x60100000, "MEM_INTERNAL2"}},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreq80m40m26m20m,
      .mmu_page_sizes = {},
      .is_beta = true,
  };
  return kChip;
}

}  // namespace esptool::chips
