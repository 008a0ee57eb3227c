// ESP32-H2(beta1): chips.md §1-§9 (esptool/targets/esp32h2beta1.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/device_tables.h"
#include "core/chips/identity_fns.h"
#include "core/chips/tables.h"

namespace esptool::chips {

namespace {
// EFUSE_BLOCK1_ADDR (register addresses below are absolute, as esptool resolves them).
constexpr uint32_t kB1 = 0x6001A044;
}  // namespace

const ChipInfo& esp32h2beta1() {
  static constexpr ChipInfo kChip{
      .key = "esp32h2beta1",
      .name = "ESP32-H2(beta1)",
      .is_esp8266 = false,
      .image_chip_id = 10,
      .magic_values = {0xCA26CC22},
      .bootloader_offset = 0x0,
      .uf2_family_id = 0xD42BA06C,
      .irom = {0x42000000, 0x42800000},
      .drom = {0x3C000000, 0x3C800000},
      .memory_map = {},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreqEsp32H2,
      .mmu_page_sizes = {},
      .is_beta = true,
      .protocol = {.uart_date_reg = 0x6000007C},
      .spi = tables::kSpi60002000,
      .efuse = {0x6001A000, kB1, 0},
      .mac = {MacFormat::kEfuse, {kB1, kB1 + 4}},
      .revision = {.major = {kB1 + 12, 21, 0x3}, .minor_lo = {kB1 + 12, 18, 0x7}},
      .package = {.field = {kB1 + 16, 0, 0x7},
                  .names = {{"ESP32-H2", 0}},
                  .unknown = "unknown ESP32-H2"},
      .features = {{"BLE", "IEEE802.15.4"}},
      .crystal = {.fixed_mhz = 32},
      .usb = {.uartdev_buf_no = 0x3FCDF07C, .jtag_serial_value = 3},
      .watchdogs = tables::kWatchdogC3,
      .disables_watchdogs = false,
      .security = {.secure_boot = {0x6001A038, 1u << 20},
                   .crypt_cnt = {0x6001A034, 0x7u << 18},
                   .dis_manual_encrypt = {0x6001A030, 1u << 20}},
      .key_purposes = tables::kKeyPurposesH2Beta,
      .spi_pins = tables::kSpiPinsC3,
      .stub = {},
  };
  return kChip;
}

}  // namespace esptool::chips
