// ESP32-P4: chips.md §1-§9 (esptool/targets/esp32p4.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/device_tables.h"
#include "core/chips/identity_fns.h"
#include "core/chips/tables.h"

namespace esptool::chips {

namespace {
// EFUSE_BLOCK1_ADDR (register addresses below are absolute, as esptool resolves them).
constexpr uint32_t kB1 = 0x5012D044;
}  // namespace

const ChipInfo& esp32p4() {
  static constexpr ChipInfo kChip{
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
      .protocol = {.uart_date_reg = 0x500CA08C},
      .spi = tables::kSpiEsp32P4,
      .efuse = {0x5012D000, kB1, 0},
      .mac = {MacFormat::kEfuse, {kB1, kB1 + 4}},
      .revision = {.major = {kB1 + 8, 4, 0x3}, .minor_lo = {kB1 + 8, 0, 0xF}},
      .package = {.field = {kB1 + 8, 20, 0x7},
                  .names = {{"ESP32-P4", 0}},
                  .unknown = "unknown ESP32-P4"},
      .features = {{"High-Performance MCU"}},
      .crystal = {.fixed_mhz = 40, .uart_clkdiv_reg = 0x3FF40014},  // UART_CLKDIV inherited, unused
      // No USB-mode check or watchdog handling in v4.8.1 (esp32p4.py _post_connect is empty).
      .security = {.secure_boot = {0x5012D038, 1u << 20},
                   .crypt_cnt = {0x5012D034, 0x7u << 18},
                   .dis_manual_encrypt = {0x5012D030, 1u << 20}},
      .key_purposes = tables::kKeyPurposesC5,
      .spi_pins = {.ranges = {{0, 54}},
                   .range_error = "SPI Pin numbers must be in the range 0-54.",
                   .usb_pins = {24, 25},
                   .usb_users = "USB-Serial/JTAG"},
      .stub = {.file = "stub_flasher_32p4.bin", .file_before_rev3 = "stub_flasher_32p4rc1.bin"},
      // reset-and-boot.md §6, "Boot modes and strapping".
      .boot_straps = {.mask = 0x0C, .download = 0x04, .boot_pin = "GPIO35", .other_pin = "GPIO36 high", .banners = {"ESP-ROM:esp32p4-"}},
  };
  return kChip;
}

}  // namespace esptool::chips
