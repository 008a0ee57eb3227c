// ESP32-P4 data: ESP32-P4 (revision v1.0); bootloader at 0x2000.
// Sources: chips.md §1-§4, §8, §10 (esptool v4.8.1 target classes); banner text assumed (chips.md
// §10: not verified).
#include "hw-sim/chips/chip_data.h"

namespace hwsim {
namespace {

constexpr RegisterPreset kRegisters[] = {
    // BLOCK1 word0 = MAC low: 40:4c:ca:07:08:09
    {0x5012D044, 0xCA070809},
    // BLOCK1 word1 = MAC high
    {0x5012D048, 0x0000404C},
    // BLOCK1 word2: major 1 (bits 4-5), minor 0, pkg 0 -> v1.0
    {0x5012D04C, 0x00000010},
};

}  // namespace

extern const ChipModel kEsp32p4 = {
    .key = "esp32p4",
    .name = "ESP32-P4",
    .magic = 0x0ADDBAD0,
    .image_chip_id = 18,
    .eco_version = 1,
    .security_info = SecurityInfoForm::kFull20,
    .rom_opcodes = kRomOpsS2Later,
    .rom_status_bytes = 4,
    .rom_begin_has_encrypt_word = true,
    .rom_erase_size_bug = false,
    .rom_begin_attaches_flash = false,
    .rom_boot_baud = 115200,
    .uart_clock_hz = 40000000,
    .uart_clkdiv_reg = 0x500CA014,
    .uart_clkdiv_has_fraction = true,
    .spi = {0x5008D000, 0x18, 0x1C, 0x20, 0x58, 0x24, 0x28, false},
    .gpio_strap_reg = 0x500E0038,
    .strap_download = 0x4,
    .strap_spi = 0xC,
    .uartdev_buf_no = 0x0,
    .uart_no_usb_jtag = 0,
    .bootloader_offset = 0x2000,
    .image_has_extended_header = true,
    .registers = kRegisters,
    .boot =
        {
            .reset_line = "ESP-ROM:esp32p4-eco2-20240710\r\nBuild:Jul 10 "
                          "2024\r\nrst:{reason},boot:{boot}\r\n",
            .reason_power_on = "0x1 (POWERON)",
            .reason_software = "0xc (SW_CPU_RESET)",
            .reason_usb = "",
            .boot_download = "0x4 (DOWNLOAD(USB/UART0/SPI))",
            .boot_spi = "0xc (SPI_FAST_FLASH_BOOT)",
            .waiting = "waiting for download\r\n",
            .spi_preamble = "SPIWP:0xee\r\nmode:{mode}, clock div:{div}\r\n",
            .no_image = "flash read err, 2000\r\n",
            .load_format = "load:0x{addr},len:0x{lenx}\r\n",
            .entry_format = "entry 0x{addr}\r\n",
        },
    .secure_boot_efuse = {0x5012D038, 1u << 20},
};

}  // namespace hwsim
