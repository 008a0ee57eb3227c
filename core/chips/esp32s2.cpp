// ESP32-S2: chips.md §1-§9 (esptool/targets/esp32s2.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/device_tables.h"
#include "core/chips/identity_fns.h"
#include "core/chips/tables.h"

namespace esptool::chips {

namespace {
// EFUSE_BLOCK1_ADDR (register addresses below are absolute, as esptool resolves them).
constexpr uint32_t kB1 = 0x3F41A044;
constexpr uint32_t kB2 = 0x3F41A05C;  // EFUSE_BLOCK2_ADDR
}  // namespace

const ChipInfo& esp32s2() {
  static constexpr ChipInfo kChip{
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
      .protocol = {.rom_security_info_len = 12,  // no chip_id field
                   .usb_otg_block = 0x800,
                   .stub_uses_usb_otg_block = true,
                   .uses_magic_value = true},
      .spi = tables::kSpiEsp32S2,
      .efuse = {0x3F41A000, kB1, kB2},
      .mac = {MacFormat::kEfuse, {kB1, kB1 + 4}},
      .revision = {.major = {kB1 + 12, 18, 0x3},
                   .minor_lo = {kB1 + 16, 4, 0x7},
                   .minor_hi = BitField{kB1 + 12, 20, 0x1}},
      // Name key = FLASH_CAP + 100 * PSRAM_CAP.
      .package = {.field = {kB1 + 12, 21, 0xF},
                  .hundreds = BitField{kB1 + 12, 28, 0xF},
                  .names = {{"ESP32-S2", 0},
                            {"ESP32-S2FH2", 1},
                            {"ESP32-S2FH4", 2},
                            {"ESP32-S2FNR2", 102},
                            {"ESP32-S2R2", 100}},
                  .unknown = "unknown ESP32-S2"},
      .features = {{"WiFi"}, fns::esp32s2_features, {kB1 + 12, kB2 + 16}},
      .crystal = {.fixed_mhz = 40, .uart_clkdiv_reg = 0x3F400014},
      .usb = {.uartdev_buf_no = 0x3FFFFD14, .otg_value = 2},
      .usb_otg_straps = StrapRegs{0x3F404038, 0x8, 0x3F408128, 0x1},
      .security = {.secure_boot = {0x3F41A038, 1u << 20},
                   .crypt_cnt = {0x3F41A034, 0x7u << 18},
                   .dis_manual_encrypt = {0x3F41A030, 1u << 19}},
      .key_purposes = tables::kKeyPurposesS2,
      .flash_voltage = FlashVoltageRule{0, 0x3F41A034, 0x70, 0x3F404038, 1u << 4},
      .flash_type = BitField{0x3F41A03C, 9, 0x1},
      .spi_pins = {.ranges = {{0, 21}, {26, 46}},
                   .range_error = "SPI Pin numbers must be in the range 0-21, or 26-46.",
                   .usb_pins = {19, 20},
                   .usb_users = "USB-OTG"},
      .stub = {.file = "stub_flasher_32s2.bin"},
      // reset-and-boot.md §6, "Boot modes and strapping".
      .boot_straps = {.mask = 0x0C, .download = 0x00, .boot_pin = "GPIO0", .other_pin = "GPIO46 low or floating", .banners = {"ESP-ROM:esp32s2-"}},
  };
  return kChip;
}

}  // namespace esptool::chips
