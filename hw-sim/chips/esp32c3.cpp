// ESP32-C3 data: ESP32-C3 (QFN32) (revision v0.3).
// Sources: chips.md §1-§4, §8, §10 (esptool v4.8.1 target classes); banner: reset-and-boot.md §6.
#include "hw-sim/chips/chip_data.h"

namespace hwsim {
namespace {

constexpr RegisterPreset kRegisters[] = {
    // BLOCK1 word0 = MAC low: 34:85:18:0a:0b:0c
    {0x60008844, 0x180A0B0C},
    // BLOCK1 word1 = MAC high
    {0x60008848, 0x00003485},
    // BLOCK1 word3: minor (low bits 18-20) 3, pkg 0 (QFN32) -> v0.3 (ECO3 magic)
    {0x60008850, 0x000C0000},
};

}  // namespace

extern const ChipModel kEsp32c3 = {
    .key = "esp32c3",
    .name = "ESP32-C3",
    .magic = 0x1B31506F,
    .image_chip_id = 5,
    .eco_version = 3,
    .security_info = SecurityInfoForm::kFull20,
    .rom_opcodes = kRomOpsS2Later,
    .rom_status_bytes = 4,
    .rom_begin_has_encrypt_word = true,
    .rom_erase_size_bug = false,
    .rom_begin_attaches_flash = false,
    .rom_boot_baud = 115200,
    .uart_clock_hz = 40000000,
    .uart_clkdiv_reg = 0x60000014,
    .uart_clkdiv_has_fraction = true,
    .spi = {0x60002000, 0x18, 0x1C, 0x20, 0x58, 0x24, 0x28, false},
    .gpio_strap_reg = 0x60004038,
    .strap_download = 0x4,
    .strap_spi = 0xC,
    .uartdev_buf_no = 0x3FCDF07C,
    .uart_no_usb_jtag = 3,
    .bootloader_offset = 0x0,
    .image_has_extended_header = true,
    .registers = kRegisters,
    .boot =
        {
            .reset_line =
                "ESP-ROM:esp32c3-api1-20210207\r\nBuild:Feb 7 2021\r\nrst:{reason},boot:{boot}\r\n",
            .reason_power_on = "0x1 (POWERON)",
            .reason_software = "0x3 (RTC_SW_SYS_RST)",
            .reason_usb = "0x15 (USB_UART_CHIP_RESET)",
            .boot_download = "0x4 (DOWNLOAD(USB/UART0/1))",
            .boot_spi = "0xc (SPI_FAST_FLASH_BOOT)",
            .waiting = "waiting for download\r\n",
            .spi_preamble = "SPIWP:0xee\r\nmode:{mode}, clock div:{div}\r\n",
            .no_image = "invalid header: 0x{word}\r\n",
            .load_format = "load:0x{addr},len:0x{lenx}\r\n",
            .entry_format = "entry 0x{addr}\r\n",
        },
    .secure_boot_efuse = {0x60008838, 1u << 20},
};

}  // namespace hwsim
