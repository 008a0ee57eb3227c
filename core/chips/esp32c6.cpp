// ESP32-C6: chips.md §1, §6, §7 (esptool/targets/esp32c6.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp32c6() {
  static const ChipInfo kChip{
      .key = "esp32c6",
      .name = "ESP32-C6",
      .is_esp8266 = false,
      .image_chip_id = 13,
      .magic_values = {0x2CE0806F},
      .bootloader_offset = 0x0,
      .uf2_family_id = 0x540DDF62,
      .irom = {0x42000000, 0x42800000},
      .drom = {0x42800000, 0x43000000},
      .memory_map = {{0x00000000, 0x00010000, "PADDING"},
                     {0x42800000, 0x43000000, "DROM"},
                     {0x40800000, 0x40880000, "DRAM"},
                     {0x40800000, 0x40880000, "BYTE_ACCESSIBLE"},
                     {0x4004AC00, 0x40050000, "DROM_MASK"},
                     {0x40000000, 0x4004AC00, "IROM_MASK"},
                     {0x42000000, 0x42800000, "IROM"},
                     {0x40800000, 0x40880000, "IRAM"},
                     {0x50000000, 0x50004000, "RTC_IRAM"},
                     {0x50000000, 0x50004000, "RTC_DRAM"},
                     {0x600FE000, 0x60100000, "MEM_INTERNAL2"}},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreqEsp32C6,
      .mmu_page_sizes = tables::kMmuPagesC6,
      .mmu_page_class = "ESP32-C6",
  };
  return kChip;
}

}  // namespace esptool::chips
