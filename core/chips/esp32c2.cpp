// ESP32-C2: chips.md §1-§9 (esptool/targets/esp32c2.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/device_tables.h"
#include "core/chips/identity_fns.h"
#include "core/chips/tables.h"

namespace esptool::chips {

namespace {
constexpr uint32_t kB2 = 0x60008840;  // EFUSE_BLOCK2_ADDR
}  // namespace

const ChipInfo& esp32c2() {
  static constexpr ChipInfo kChip{
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
      .protocol = {.uart_date_reg = 0x6000007C},
      .spi = tables::kSpi60002000,
      .efuse = {0x60008800, 0x60008844, kB2},  // BLOCK1 inherited from C3, unused
      .mac = {MacFormat::kEfuse, {kB2, kB2 + 4}},
      .revision = {.major = {kB2 + 4, 20, 0x3}, .minor_lo = {kB2 + 4, 16, 0xF}},
      .package = {.field = {kB2 + 4, 22, 0x7},
                  .names = {{"ESP32-C2", 0}, {"ESP32-C2", 1}},
                  .unknown = "unknown ESP32-C2"},
      .features = {{"WiFi", "BLE"}},
      .crystal = {.fixed_mhz = 0},  // detected, like ESP32
      .rom_baud = {RomBaudQuirk::kCrystal26As40, {}},
      .usb = {.uartdev_buf_no = 0x3FCDF07C, .jtag_serial_value = 3},
      .watchdogs = tables::kWatchdogC3,
      .disables_watchdogs = false,
      .security = {.secure_boot = {0x60008830, 1u << 21},
                   .crypt_cnt = {0x60008830, 0x7u << 18},
                   .dis_manual_encrypt = {0x60008830, 1u << 6}},
      .key_purposes = {},
      .spi_pins = {.ranges = {{0, 20}},
                   .range_error = "SPI Pin numbers must be in the range 0-20."},
      .stub = {.file = "stub_flasher_32c2.bin", .disabled_at_rev0 = true},
      // reset-and-boot.md §6, "Boot modes and strapping".
      .boot_straps = {.mask = 0x0C, .download = 0x04, .boot_pin = "GPIO9", .other_pin = "GPIO8 high", .banners = {"ESP-ROM:esp32c2-"}},
  };
  return kChip;
}

}  // namespace esptool::chips
