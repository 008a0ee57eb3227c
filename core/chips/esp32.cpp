// ESP32: chips.md §1-§9 (esptool/targets/esp32.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/device_tables.h"
#include "core/chips/identity_fns.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp32() {
  static constexpr ChipInfo kChip{
      .key = "esp32",
      .name = "ESP32",
      .is_esp8266 = false,
      .image_chip_id = 0,
      .magic_values = {0x00F01D83},
      .bootloader_offset = 0x1000,
      .uf2_family_id = 0x1C5F21B0,
      .irom = {0x400D0000, 0x40400000},
      .drom = {0x3F400000, 0x3F800000},
      .memory_map = {{0x00000000, 0x00010000, "PADDING"},
                     {0x3F400000, 0x3F800000, "DROM"},
                     {0x3F800000, 0x3FC00000, "EXTRAM_DATA"},
                     {0x3FF80000, 0x3FF82000, "RTC_DRAM"},
                     {0x3FF90000, 0x40000000, "BYTE_ACCESSIBLE"},
                     {0x3FFAE000, 0x40000000, "DRAM"},
                     {0x3FFE0000, 0x3FFFFFFC, "DIRAM_DRAM"},
                     {0x40000000, 0x40070000, "IROM"},
                     {0x40070000, 0x40078000, "CACHE_PRO"},
                     {0x40078000, 0x40080000, "CACHE_APP"},
                     {0x40080000, 0x400A0000, "IRAM"},
                     {0x400A0000, 0x400BFFFC, "DIRAM_IRAM"},
                     {0x400C0000, 0x400C2000, "RTC_IRAM"},
                     {0x400D0000, 0x40400000, "IROM"},
                     {0x50000000, 0x50002000, "RTC_DATA"}},
      .flash_sizes = tables::kEsp32FlashSizes,
      .flash_freqs = tables::kFreq80m40m26m20m,
      .mmu_page_sizes = {},
      .pads_flash_segment_tail = true,
      .protocol = {.rom_begin_has_encrypted_word = false,
                   .rom_security_info_len = 0,
                   .uses_magic_value = true},
      .spi = tables::kSpiEsp32,
      .efuse = {.base = 0x3FF5A000},                         // EFUSE_RD_REG_BASE
      .mac = {MacFormat::kEsp32, {0x3FF5A004, 0x3FF5A008}},  // eFuse words 1, 2
      .revision = {.custom = fns::esp32_revision,
                   .custom_registers = fns::kEsp32RevisionRegisters},
      .package = {.custom = fns::esp32_description,
                  .custom_registers = fns::kEsp32RevisionRegisters},
      .features = {{"WiFi"}, fns::esp32_features, fns::kEsp32FeatureRegisters},
      .crystal = {.fixed_mhz = 0, .uart_clkdiv_reg = 0x3FF40014},
      // RTCCALICFG1 and eFuse word 4 (CK8M_FREQ): esp32.py get_rom_cal_crystal_freq.
      .rom_baud = {RomBaudQuirk::kEsp32RtcCalibration, {0x3FF5F06C, 0x3FF5A010}},
      // ABS_DONE_0 (ABS_DONE_1 too from v3.0), FLASH_CRYPT_CNT, RD_DISABLE_DL_ENCRYPT.
      .security = {.secure_boot = {0x3FF5A018, 1u << 4},
                   .secure_boot_rev3 = {0x3FF5A018, 1u << 5},
                   .crypt_cnt = {0x3FF5A000, 0x7Fu << 20},
                   .dis_manual_encrypt = {0x3FF5A018, 1u << 7}},
      .key_purposes = {},
      // RTC_CNTL_SDIO_CONF, eFuse XPD/TIEH/FORCE bits of word 4, GPIO_STRAP VDDSDIO.
      .flash_voltage = FlashVoltageRule{0x3FF48074, 0x3FF5A010, 0x1C000, 0x3FF44038, 1u << 5},
      .spi_pins = {.ranges = {{0, 29}, {32, 33}},
                   .range_error = "SPI Pin numbers must be in the range 0-29, 32, or 33."},
      .efuse_spi_pads = std::pair<uint32_t, uint32_t>{0x3FF5A014, 0x3FF5A00C},  // BLK0_RDATA5/3
      .encrypted_write_align = 32,
      .stub = {.file = "stub_flasher_32.bin"},
      // reset-and-boot.md §6, "Boot modes and strapping".
      .boot_straps = {.mask = 0x18, .download = 0x00, .boot_pin = "GPIO0", .other_pin = "GPIO2 low or floating", .banners = {"ets Jun  8 2016", "ets Jul 29 2019"}},
  };
  return kChip;
}

}  // namespace esptool::chips
