// ESP32-S3: chips.md §1-§9 (esptool/targets/esp32s3.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/device_tables.h"
#include "core/chips/identity_fns.h"
#include "core/chips/tables.h"

namespace esptool::chips {

namespace {
// EFUSE_BLOCK1_ADDR (register addresses below are absolute, as esptool resolves them).
constexpr uint32_t kB1 = 0x60007044;
constexpr uint32_t kB2 = 0x6000705C;  // EFUSE_BLOCK2_ADDR
}  // namespace

const ChipInfo& esp32s3() {
  static constexpr ChipInfo kChip{
      .key = "esp32s3",
      .name = "ESP32-S3",
      .is_esp8266 = false,
      .image_chip_id = 9,
      .magic_values = {0x00000009},
      .bootloader_offset = 0x0,
      .uf2_family_id = 0xC47E5767,
      .irom = {0x42000000, 0x44000000},
      .drom = {0x3C000000, 0x3E000000},
      .memory_map = {{0x00000000, 0x00010000, "PADDING"},
                     {0x3C000000, 0x3D000000, "DROM"},
                     {0x3D000000, 0x3E000000, "EXTRAM_DATA"},
                     {0x600FE000, 0x60100000, "RTC_DRAM"},
                     {0x3FC88000, 0x3FD00000, "BYTE_ACCESSIBLE"},
                     {0x3FC88000, 0x403E2000, "MEM_INTERNAL"},
                     {0x3FC88000, 0x3FD00000, "DRAM"},
                     {0x40000000, 0x4001A100, "IROM_MASK"},
                     {0x40370000, 0x403E0000, "IRAM"},
                     {0x600FE000, 0x60100000, "RTC_IRAM"},
                     {0x42000000, 0x42800000, "IROM"},
                     {0x50000000, 0x50002000, "RTC_DATA"}},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreq80m40m26m20m,
      .mmu_page_sizes = {},
      .protocol = {.usb_otg_block = 0x800,
                   .stub_uses_usb_otg_block = true,
                   .uart_date_reg = 0x60000080},
      .spi = tables::kSpi60002000,
      .efuse = {0x60007000, kB1, kB2},
      .mac = {MacFormat::kEfuse, {kB1, kB1 + 4}},
      .revision = {.major = {kB1 + 20, 24, 0x3},
                   .minor_lo = {kB1 + 12, 18, 0x7},
                   .minor_hi = BitField{kB1 + 20, 23, 0x1},
                   .eco0_blk_major = BitField{kB2 + 16, 0, 0x3},
                   .eco0_blk_minor = BitField{kB1 + 12, 24, 0x7}},
      .package = {.field = {kB1 + 12, 21, 0x7},
                  .names = {{"ESP32-S3 (QFN56)", 0}, {"ESP32-S3-PICO-1 (LGA56)", 1}},
                  .unknown = "unknown ESP32-S3"},
      .features = {{"WiFi", "BLE"}, fns::esp32s3_features, {kB1 + 12, kB1 + 16}},
      .crystal = {.fixed_mhz = 40},
      .usb = {.uartdev_buf_no = 0x3FCEF14C, .otg_value = 3, .jtag_serial_value = 4},
      .watchdogs = tables::kWatchdogS3,
      .disables_watchdogs = true,
      .usb_otg_straps = StrapRegs{0x60004038, 0x8, 0x6000812C, 0x1},
      .clears_force_download_on_reset = true,
      .security = {.secure_boot = {0x60007038, 1u << 20},
                   .crypt_cnt = {0x60007034, 0x7u << 18},
                   .dis_manual_encrypt = {0x60007030, 1u << 20}},
      .key_purposes = tables::kKeyPurposesS2,
      .flash_voltage = FlashVoltageRule{0, 0x60007034, 0x70, 0x60004038, 1u << 4},
      .flash_type = BitField{0x6000703C, 9, 0x1},
      .spi_pins = {.ranges = {{0, 21}, {26, 48}},
                   .range_error = "SPI Pin numbers must be in the range 0-21, or 26-48.",
                   .hd_max = 46,
                   .usb_pins = {19, 20},
                   .usb_users = "USB-Serial/JTAG and USB-OTG"},
      .stub = {.file = "stub_flasher_32s3.bin", .supports_large_flash = true},
      // reset-and-boot.md §6, "Boot modes and strapping".
      .boot_straps = {.mask = 0x0C, .download = 0x00, .boot_pin = "GPIO0", .other_pin = "GPIO46 low or floating", .banners = {"ESP-ROM:esp32s3-"}},
  };
  return kChip;
}

}  // namespace esptool::chips
