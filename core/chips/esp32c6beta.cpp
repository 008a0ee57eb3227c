// ESP32-C6(beta): chips.md §1-§9 (esptool/targets/esp32c6beta.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/device_tables.h"
#include "core/chips/identity_fns.h"
#include "core/chips/tables.h"

namespace esptool::chips {

namespace {
// EFUSE_BLOCK1_ADDR (register addresses below are absolute, as esptool resolves them).
constexpr uint32_t kB1 = 0x60008844;
}  // namespace

const ChipInfo& esp32c6beta() {
  static constexpr ChipInfo kChip{
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
      .protocol = {.uart_date_reg = 0x00000500},
      .spi = tables::kSpi60002000,
      .efuse = {0x60008800, kB1, 0},
      .mac = {MacFormat::kEfuse, {kB1, kB1 + 4}},
      .revision = {.major = {kB1 + 20, 24, 0x3},
                   .minor_lo = {kB1 + 12, 18, 0x7},
                   .minor_hi = BitField{kB1 + 20, 23, 0x1}},
      .package = {.field = {kB1 + 12, 21, 0x7},
                  .names = {{"ESP32-C6 (QFN40)", 0}, {"ESP32-C6FH4 (QFN32)", 1}},
                  .unknown = "unknown ESP32-C6"},
      .features = {{"WiFi", "BLE"}, fns::esp32c3_features, {kB1 + 12, kB1 + 16}},
      .crystal = {.fixed_mhz = 40},
      .usb = {.uartdev_buf_no = 0x3FCDF07C, .jtag_serial_value = 3},
      .watchdogs = tables::kWatchdogC3,
      .disables_watchdogs = false,
      .security = {.secure_boot = {0x60008838, 1u << 20},
                   .crypt_cnt = {0x60008834, 0x7u << 18},
                   .dis_manual_encrypt = {0x60008830, 1u << 20}},
      .key_purposes = tables::kKeyPurposesC3,
      .spi_pins = tables::kSpiPinsC3,
      .stub = {},
  };
  return kChip;
}

}  // namespace esptool::chips
