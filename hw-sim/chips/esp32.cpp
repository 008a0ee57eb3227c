// ESP32 data: ESP32-D0WD-V3 (revision v3.0), 40 MHz crystal.
// Sources: chips.md §1-§4, §8, §10 (esptool v4.8.1 target classes); rev-3 ROM banner:
// reset-and-boot.md §6.
#include "hw-sim/chips/chip_data.h"

namespace hwsim {
namespace {

constexpr RegisterPreset kRegisters[] = {
    // efuse word1: MAC[2..5] = c4:12:34:56
    {0x3FF5A004, 0xC4123456},
    // efuse word2: MAC[0..1] = 24:0a, bits 16-23 CRC (not checked by esptool)
    {0x3FF5A008, 0x009B240A},
    // efuse word3: pkg 1 (D0WD), rev bit0 (bit 15), CPU rated 240 MHz (bit 13)
    {0x3FF5A00C, 0x0000A200},
    // efuse word4: ADC VRef 0x11, CK8M_FREQ 100
    {0x3FF5A010, 0x00001164},
    // efuse word5: rev bit1 (bit 20), minor 0, SPI pads 0
    {0x3FF5A014, 0x00100000},
    // APB_CTL_DATE: bit 31 = rev bit2 -> major 3 (ESP32-D0WD-V3, v3.0)
    {0x3FF6607C, 0x96042000},
    // RTCCALICFG1: cali 1024 -> ROM crystal 1024*15625*100/40 = 40 MHz, so CHANGE_BAUDRATE
    // needs no correction
    {0x3FF5F06C, 0x00020000},
};

}  // namespace

extern const ChipModel kEsp32 = {
    .key = "esp32",
    .name = "ESP32",
    .magic = 0x00F01D83,
    .image_chip_id = 0,
    .eco_version = 3,
    .security_info = SecurityInfoForm::kNone,
    .rom_opcodes = kRomOpsEsp32,
    .rom_status_bytes = 4,
    .rom_begin_has_encrypt_word = false,
    .rom_erase_size_bug = false,
    .rom_begin_attaches_flash = false,
    .rom_boot_baud = 115200,
    .uart_clock_hz = 40000000,
    .uart_clkdiv_reg = 0x3FF40014,
    .uart_clkdiv_has_fraction = true,
    .spi = {0x3FF42000, 0x1C, 0x20, 0x24, 0x80, 0x28, 0x2C, true},
    .gpio_strap_reg = 0x3FF44038,
    .strap_download = 0x3,
    .strap_spi = 0x13,
    .uartdev_buf_no = 0x0,
    .uart_no_usb_jtag = 0,
    .bootloader_offset = 0x1000,
    .image_has_extended_header = true,
    .registers = kRegisters,
    .boot =
        {
            .reset_line = "ets Jul 29 2019 12:21:46\r\n\r\nrst:{reason},boot:{boot}\r\n",
            .reason_power_on = "0x1 (POWERON_RESET)",
            .reason_software = "0xc (SW_CPU_RESET)",
            .reason_usb = "",
            .boot_download = "0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))",
            .boot_spi = "0x13 (SPI_FAST_FLASH_BOOT)",
            .waiting = "waiting for download\r\n",
            .spi_preamble = "configsip: 0, "
                            "SPIWP:0xee\r\nclk_drv:0x00,q_drv:0x00,d_drv:0x00,cs0_drv:0x00,hd_drv:"
                            "0x00,wp_drv:0x00\r\nmode:{mode}, clock div:{div}\r\n",
            .no_image = "flash read err, 1000\r\nets_main.c 371 \r\n",
            .load_format = "load:0x{addr},len:{len}\r\n",
            .entry_format = "entry 0x{addr}\r\n",
        },
    .secure_boot_efuse = {0x3FF5A018, 1u << 4},
};

}  // namespace hwsim
