// ESP32-C3: chips.md §1-§9 (esptool/targets/esp32c3.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/device_tables.h"
#include "core/chips/identity_fns.h"
#include "core/chips/tables.h"

namespace esptool::chips {

namespace {
// EFUSE_BLOCK1_ADDR (register addresses below are absolute, as esptool resolves them).
constexpr uint32_t kB1 = 0x60008844;
}  // namespace

const ChipInfo& esp32c3() {
  static constexpr ChipInfo kChip{
      .key = "esp32c3",
      .name = "ESP32-C3",
      .is_esp8266 = false,
      .image_chip_id = 5,
      .magic_values = {0x6921506F, 0x1B31506F, 0x4881606F, 0x4361606F},
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
      .protocol = {.uart_date_reg = 0x6000007C},
      .spi = tables::kSpi60002000,
      .efuse = {0x60008800, kB1, 0},
      .mac = {MacFormat::kEfuse, {kB1, kB1 + 4}},
      .revision = {.major = {kB1 + 20, 24, 0x3},
                   .minor_lo = {kB1 + 12, 18, 0x7},
                   .minor_hi = BitField{kB1 + 20, 23, 0x1}},
      .package = {.field = {kB1 + 12, 21, 0x7},
                  .names = {{"ESP32-C3 (QFN32)", 0},
                            {"ESP8685 (QFN28)", 1},
                            {"ESP32-C3 AZ (QFN32)", 2},
                            {"ESP8686 (QFN24)", 3}},
                  .unknown = "unknown ESP32-C3"},
      .features = {{"WiFi", "BLE"}, fns::esp32c3_features, {kB1 + 12, kB1 + 16}},
      .crystal = {.fixed_mhz = 40},
      .usb = {.uartdev_buf_no = 0x3FCDF07C, .jtag_serial_value = 3},
      .watchdogs = tables::kWatchdogC3,
      .disables_watchdogs = true,
      .security = {.secure_boot = {0x60008838, 1u << 20},
                   .crypt_cnt = {0x60008834, 0x7u << 18},
                   .dis_manual_encrypt = {0x60008830, 1u << 20}},
      .key_purposes = tables::kKeyPurposesC3,
      .spi_pins = tables::kSpiPinsC3,
      .image_min_rev_is_minor = true,
      .stub = {.file = "stub_flasher_32c3.bin"},
      // reset-and-boot.md §6, "Boot modes and strapping".
      .boot_straps = {.mask = 0x0C, .download = 0x04, .boot_pin = "GPIO9", .other_pin = "GPIO8 high", .banners = {"ESP-ROM:esp32c3-"}},
  };
  return kChip;
}

}  // namespace esptool::chips
