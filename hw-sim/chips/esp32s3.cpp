// ESP32-S3 data: ESP32-S3 (QFN56) (revision v0.2).
// Sources: chips.md §1-§4, §8, §10 (esptool v4.8.1 target classes); banner: reset-and-boot.md §6.
#include "hw-sim/chips/chip_data.h"

namespace hwsim {
namespace {

constexpr RegisterPreset kRegisters[] = {
    // BLOCK1 word0 = MAC low: 34:85:18:01:02:03
    {0x60007044, 0x18010203},
    // BLOCK1 word1 = MAC high
    {0x60007048, 0x00003485},
    // BLOCK1 word3: minor (low bits 18-20) 2, pkg 0 (QFN56), no embedded flash
    {0x60007050, 0x00080000},
};

}  // namespace

extern const ChipModel kEsp32s3 = {
    .key = "esp32s3",
    .name = "ESP32-S3",
    .magic = 0x00000009,
    .image_chip_id = 9,
    .eco_version = 0,
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
    .strap_download = 0x0,
    .strap_spi = 0x8,
    .uartdev_buf_no = 0x3FCEF14C,
    .uart_no_usb_jtag = 4,
    .uart_no_usb_otg = 3,
    .rtc_option1_reg = 0x6000812C,
    .bootloader_offset = 0x0,
    .image_has_extended_header = true,
    .registers = kRegisters,
    .boot =
        {
            .reset_line =
                "ESP-ROM:esp32s3-20210327\r\nBuild:Mar 27 2021\r\nrst:{reason},boot:{boot}\r\n",
            .reason_power_on = "0x1 (POWERON)",
            .reason_software = "0xc (RTC_SW_CPU_RST)",
            .reason_usb = "0x15 (USB_UART_CHIP_RESET)",
            .boot_download = "0x0 (DOWNLOAD(USB/UART0))",
            .boot_spi = "0x8 (SPI_FAST_FLASH_BOOT)",
            .waiting = "waiting for download\r\n",
            .spi_preamble = "SPIWP:0xee\r\nmode:{mode}, clock div:{div}\r\n",
            .no_image = "invalid header: 0x{word}\r\n",
            .load_format = "load:0x{addr},len:0x{lenx}\r\n",
            .entry_format = "entry 0x{addr}\r\n",
        },
    .stub_flash_max_size = 64 * 1024 * 1024,
    .secure_boot_efuse = {0x60007038, 1u << 20},
};

}  // namespace hwsim
