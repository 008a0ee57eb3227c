// ESP8266 data: ESP8266EX, 26 MHz crystal: the ROM logs at 74880 baud and autobauds on SYNC.
// Sources: chips.md §1-§4, §8, §10 (esptool v4.8.1 target classes); boot mode:(1,7) download /
// (3,6) flash: reset-and-boot.md §6 (user logs).
#include "hw-sim/chips/chip_data.h"

namespace hwsim {
namespace {

constexpr RegisterPreset kRegisters[] = {
    // OTP MAC0: top byte = MAC[5]; bit 4 clear (not an ESP8285)
    {0x3FF00050, 0xEF000000},
    // OTP MAC1: MAC[3..4] = ab:cd
    {0x3FF00054, 0x0000ABCD},
    // OTP word 2: bit 80 clear (not an ESP8285)
    {0x3FF00058, 0x00000000},
    // OTP MAC3: OUI 5c:cf:7f -> MAC 5c:cf:7f:ab:cd:ef, Chip ID 0x00abcdef
    {0x3FF0005C, 0x005CCF7F},
};

}  // namespace

extern const ChipModel kEsp8266 = {
    .key = "esp8266",
    .name = "ESP8266",
    .magic = 0xFFF0C101,
    .image_chip_id = 0,
    .eco_version = 0,
    .security_info = SecurityInfoForm::kNone,
    .rom_opcodes = kRomOpsBasic,
    .rom_status_bytes = 2,
    .rom_begin_has_encrypt_word = false,
    .rom_erase_size_bug = true,
    .rom_begin_attaches_flash = true,
    .rom_boot_baud = 74880,
    .uart_clock_hz = 52000000,
    .uart_clkdiv_reg = 0x60000014,
    .uart_clkdiv_has_fraction = false,
    .spi = {0x60000200, 0x1C, 0x20, 0x24, 0x40, 0, 0, true},
    .gpio_strap_reg = 0x60000318,
    .strap_download = 0x1,
    .strap_spi = 0x3,
    .uartdev_buf_no = 0x0,
    .uart_no_usb_jtag = 0,
    .bootloader_offset = 0x0,
    .image_has_extended_header = false,
    .registers = kRegisters,
    .boot =
        {
            .reset_line = "\r\n ets Jan  8 2013,rst cause:{reason}, boot mode:{boot}\r\n\r\n",
            .reason_power_on = "2",
            .reason_software = "2",
            .reason_usb = "",
            .boot_download = "(1,7)",
            .boot_spi = "(3,6)",
            .waiting = "",
            .spi_preamble = "",
            .no_image = "\r\n",
            .load_format = "load 0x{addr}, len {len}, room 16 \r\n",
            .entry_format = "tail 0\r\nchksum 0x00\r\n",
        },
    .stub_has_encrypt_data = false,
};

}  // namespace hwsim
