// ESP32-S2 data: ESP32-S2 (revision v0.0), no embedded flash or PSRAM.
// Sources: chips.md §1-§4, §8, §10 (esptool v4.8.1 target classes); banner: reset-and-boot.md §6.
#include "hw-sim/chips/chip_data.h"

namespace hwsim {
namespace {

constexpr RegisterPreset kRegisters[] = {
    // BLOCK1 word0 = MAC low: 7c:df:a1:01:02:03
    {0x3F41A044, 0xA1010203},
    // BLOCK1 word1 = MAC high
    {0x3F41A048, 0x00007CDF},
    // BLOCK2 word4: BLK_VERSION_MINOR 1 (ADC calibration V1)
    {0x3F41A06C, 0x00000010},
};

}  // namespace

extern const ChipModel kEsp32s2 = {
    .key = "esp32s2",
    .name = "ESP32-S2",
    .magic = 0x000007C6,
    .image_chip_id = 2,
    .eco_version = 0,
    .security_info = SecurityInfoForm::kShort12,
    .rom_opcodes = kRomOpsS2Later,
    .rom_status_bytes = 4,
    .rom_begin_has_encrypt_word = true,
    .rom_erase_size_bug = false,
    .rom_begin_attaches_flash = false,
    .rom_boot_baud = 115200,
    .uart_clock_hz = 40000000,
    .uart_clkdiv_reg = 0x3F400014,
    .uart_clkdiv_has_fraction = true,
    .spi = {0x3F402000, 0x18, 0x1C, 0x20, 0x58, 0x24, 0x28, false},
    .gpio_strap_reg = 0x3F404038,
    .strap_download = 0x0,
    .strap_spi = 0x8,
    .uartdev_buf_no = 0x3FFFFD14,
    .uart_no_usb_jtag = 0,
    .uart_no_usb_otg = 2,
    .rtc_option1_reg = 0x3F408128,
    .bootloader_offset = 0x1000,
    .image_has_extended_header = true,
    .registers = kRegisters,
    .boot =
        {
            .reset_line =
                "ESP-ROM:esp32s2-rc4-20191025\r\nBuild:Oct 25 2019\r\nrst:{reason},boot:{boot}\r\n",
            .reason_power_on = "0x1 (POWERON)",
            .reason_software = "0xc (RTC_SW_CPU_RST)",
            .reason_usb = "",
            .boot_download = "0x0 (DOWNLOAD(USB/UART0/1/SPI))",
            .boot_spi = "0x8 (SPI_FAST_FLASH_BOOT)",
            .waiting = "waiting for download\r\n",
            .spi_preamble = "SPIWP:0xee\r\nmode:{mode}, clock div:{div}\r\n",
            .no_image = "invalid header: 0x{word}\r\n",
            .load_format = "load:0x{addr},len:0x{lenx}\r\n",
            .entry_format = "entry 0x{addr}\r\n",
        },
    .secure_boot_efuse = {0x3F41A038, 1u << 20},
};

}  // namespace hwsim
