// ESP32-C2 data: ESP32-C2 (revision v1.0), 40 MHz crystal (detected from UART_CLKDIV).
// Sources: chips.md §1-§4, §8, §10 (esptool v4.8.1 target classes); banner text assumed from the C3
// pattern (chips.md §10: not verified).
#include "hw-sim/chips/chip_data.h"

namespace hwsim {
namespace {

constexpr RegisterPreset kRegisters[] = {
    // BLOCK2 word0 = MAC low: 34:85:18:11:22:33
    {0x60008840, 0x18112233},
    // BLOCK2 word1: MAC high, major 1 (bits 20-21), minor 0 -> v1.0 // (ECO1: stub allowed)
    {0x60008844, 0x00103485},
};

}  // namespace

extern const ChipModel kEsp32c2 = {
    .key = "esp32c2",
    .name = "ESP32-C2",
    .magic = 0x7C41A06F,
    .image_chip_id = 12,
    .eco_version = 1,
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
    .uart_no_usb_jtag = 0,
    .bootloader_offset = 0x0,
    .image_has_extended_header = true,
    .registers = kRegisters,
    .boot =
        {
            .reset_line =
                "ESP-ROM:esp32c2-20220118\r\nBuild:Jan 18 2022\r\nrst:{reason},boot:{boot}\r\n",
            .reason_power_on = "0x1 (POWERON)",
            .reason_software = "0x3 (RTC_SW_SYS_RST)",
            .reason_usb = "",
            .boot_download = "0x4 (DOWNLOAD(UART0))",
            .boot_spi = "0xc (SPI_FAST_FLASH_BOOT)",
            .waiting = "waiting for download\r\n",
            .spi_preamble = "SPIWP:0xee\r\nmode:{mode}, clock div:{div}\r\n",
            .no_image = "invalid header: 0x{word}\r\n",
            .load_format = "load:0x{addr},len:0x{lenx}\r\n",
            .entry_format = "entry 0x{addr}\r\n",
        },
    .secure_boot_efuse = {0x60008830, 1u << 21},
};

}  // namespace hwsim
