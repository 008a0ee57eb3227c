// ESP32-C5(beta3): chips.md §1-§9 (esptool/targets/esp32c5beta3.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/device_tables.h"
#include "core/chips/identity_fns.h"
#include "core/chips/tables.h"

namespace esptool::chips {

namespace {
// EFUSE_BLOCK1_ADDR (register addresses below are absolute, as esptool resolves them).
constexpr uint32_t kB1 = 0x600B0844;
}  // namespace

const ChipInfo& esp32c5beta3() {
  static constexpr ChipInfo kChip{
      .key = "esp32c5beta3",
      .name = "ESP32-C5(beta3)",
      .is_esp8266 = false,
      .image_chip_id = 17,
      .magic_values = {0xE10D8082},
      .bootloader_offset = 0x0,
      .uf2_family_id = 0x540DDF62,
      .irom = {0x41000000, 0x41800000},
      .drom = {0x41000000, 0x41800000},
      .memory_map = {{0x00000000, 0x00010000, "PADDING"},
                     {0x41800000, 0x42000000, "DROM"},
                     {0x40800000, 0x40880000, "DRAM"},
                     {0x40800000, 0x40880000, "BYTE_ACCESSIBLE"},
                     {0x4004A000, 0x40050000, "DROM_MASK"},
                     {0x40000000, 0x4004A000, "IROM_MASK"},
                     {0x41000000, 0x41800000, "IROM"},
                     {0x40800000, 0x40880000, "IRAM"},
                     {0x50000000, 0x50004000, "RTC_IRAM"},
                     {0x50000000, 0x50004000, "RTC_DRAM"},
                     {0x600FE000, 0x60100000, "MEM_INTERNAL2"}},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreq80m40m20m,
      .mmu_page_sizes = tables::kMmuPagesC6,
      .mmu_page_class = "ESP32-C6",
      .is_beta = true,
      .protocol = {.uart_date_reg = 0x6000007C},
      .spi = tables::kSpi60003000,
      .efuse = {0x600B0800, kB1, 0},
      .mac = {MacFormat::kEfuseEui64, {kB1, kB1 + 4}},
      .revision = {.major = {kB1 + 8, 4, 0x3}, .minor_lo = {kB1 + 8, 0, 0xF}},
      .package = {.field = {kB1 + 8, 26, 0x7},
                  .names = {{"ESP32-C5 beta3 (QFN40)", 0}},
                  .unknown = "unknown ESP32-C5 beta3"},
      .features = {{"WiFi 6", "BT 5", "IEEE802.15.4"}},
      .crystal = {.fixed_mhz = 0},
      .rom_baud = {RomBaudQuirk::kCrystal48As40, {}},
      .usb = {.uartdev_buf_no = 0x4087F580, .jtag_serial_value = 3},
      .watchdogs = tables::kWatchdogC6,
      .disables_watchdogs = true,
      .security = {.secure_boot = {0x600B0838, 1u << 20},
                   .crypt_cnt = {0x600B0834, 0x7u << 18},
                   .dis_manual_encrypt = {0x600B0830, 1u << 20}},
      .key_purposes = tables::kKeyPurposesC5,
      .spi_pins = tables::kSpiPinsC6,
      .stub = {},
  };
  return kChip;
}

}  // namespace esptool::chips
