// ESP32-H2 data: ESP32-H2 (revision v0.1), 32 MHz crystal.
// Sources: chips.md §1-§4, §8, §10 (esptool v4.8.1 target classes); banner text assumed from the C6
// pattern (not verified).
#include "hw-sim/chips/chip_data.h"

namespace hwsim {
namespace {

constexpr RegisterPreset kRegisters[] = {
    // BLOCK1 word0 = MAC low: 60:55:f9:01:02:03
    {0x600B0844, 0xF9010203},
    // BLOCK1 word1: MAC high, MAC_EXT ff:fe
    {0x600B0848, 0xFFFE6055},
    // BLOCK1 word3: minor 1 (bits 18-20), major 0 -> v0.1; word4 pkg 0
    {0x600B0850, 0x00040000},
};

}  // namespace

extern const ChipModel kEsp32h2 = {
    .key = "esp32h2",
    .name = "ESP32-H2",
    .magic = 0xD7B73E80,
    .image_chip_id = 16,
    .eco_version = 1,
    .security_info = SecurityInfoForm::kFull20,
    .rom_opcodes = kRomOpsS2Later,
    .rom_status_bytes = 4,
    .rom_begin_has_encrypt_word = true,
    .rom_erase_size_bug = false,
    .rom_begin_attaches_flash = false,
    .rom_boot_baud = 115200,
    .uart_clock_hz = 32000000,
    .uart_clkdiv_reg = 0x60000014,
    .uart_clkdiv_has_fraction = true,
    .spi = {0x60003000, 0x18, 0x1C, 0x20, 0x58, 0x24, 0x28, false},
    .gpio_strap_reg = 0x60091038,
    .strap_download = 0x4,
    .strap_spi = 0xC,
    .uartdev_buf_no = 0x4087F580,
    .uart_no_usb_jtag = 3,
    .bootloader_offset = 0x0,
    .image_has_extended_header = true,
    .registers = kRegisters,
    .boot =
        {
            .reset_line =
                "ESP-ROM:esp32h2-20221101\r\nBuild:Nov 1 2022\r\nrst:{reason},boot:{boot}\r\n",
            .reason_power_on = "0x1 (POWERON)",
            .reason_software = "0xc (SW_CPU)",
            .reason_usb = "0x15 (USB_UART_HPSYS)",
            .boot_download = "0x4 (DOWNLOAD(USB/UART0))",
            .boot_spi = "0xc (SPI_FAST_FLASH_BOOT)",
            .waiting = "waiting for download\r\n",
            .spi_preamble = "SPIWP:0xee\r\nmode:{mode}, clock div:{div}\r\n",
            .no_image = "invalid header: 0x{word}\r\n",
            .load_format = "load:0x{addr},len:0x{lenx}\r\n",
            .entry_format = "entry 0x{addr}\r\n",
        },
    .secure_boot_efuse = {0x600B0838, 1u << 20},
};

}  // namespace hwsim
