// ESP8266: chips.md §1-§9 (esptool/targets/esp8266.py@v4.8.1).
#include "core/chips/chip_rows.h"
#include "core/chips/device_tables.h"
#include "core/chips/identity_fns.h"
#include "core/chips/tables.h"

namespace esptool::chips {

const ChipInfo& esp8266() {
  static constexpr ChipInfo kChip{
      .key = "esp8266",
      .name = "ESP8266",
      .is_esp8266 = true,
      .image_chip_id = std::nullopt,
      .magic_values = {0xFFF0C101},
      .bootloader_offset = 0x0,
      .uf2_family_id = 0x7EAB61ED,
      .irom = {0x40200000, 0x40300000},
      .drom = {0, 0},
      .memory_map = {{0x3FF00000, 0x3FF00010, "DPORT"},
                     {0x3FFE8000, 0x40000000, "DRAM"},
                     {0x40100000, 0x40108000, "IRAM"},
                     {0x40201010, 0x402E1010, "IROM"}},
      .flash_sizes = tables::kEsp8266FlashSizes,
      .flash_freqs = tables::kFreq80m40m26m20m,
      .mmu_page_sizes = {},
      .protocol = {.rom_status_len = 2,
                   .rom = tables::kNoOptionalRomCommands,
                   .rom_begin_has_encrypted_word = false,
                   .rom_security_info_len = 0,
                   .uses_magic_value = true},
      .spi = tables::kSpiEsp8266,
      .efuse = {},
      .mac = {MacFormat::kEsp8266Otp, {0x3FF00050, 0x3FF00054, 0x3FF0005C}},  // ESP_OTP_MAC0/1/3
      .revision = {.has_revision = false},
      .package = {.custom = fns::esp8266_description,
                  .custom_registers = fns::kEsp8266OtpRegisters},
      .features = {{"WiFi"}, fns::esp8266_features, fns::kEsp8266OtpRegisters},
      .crystal = {.fixed_mhz = 0, .uart_clkdiv_reg = 0x60000014, .xtal_clk_divider = 2},
      .spi_pins = {.supported = false},
      .rom_erase_size_workaround = true,
      .encrypted_write_align = 0,
      .stub = {.file = "stub_flasher_8266.bin"},
  };
  return kChip;
}

}  // namespace esptool::chips
