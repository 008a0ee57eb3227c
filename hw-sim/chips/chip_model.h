// ChipModel: everything the simulator knows about one chip, as data (one file per chip). Logic in
// loader/, soc/ and line/ reads these fields; a chip difference that needs an `if` on the chip is
// a missing field here. Values come from shared/spec/chips.md, serial-protocol.md and
// reset-and-boot.md (which cite esptool v4.8.1 and observed ROM logs); efuse words are chosen so
// esptool's own decoders print a real part description.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace hwsim {

// ROM opcodes (serial-protocol.md §4). Stub-only opcodes live in loader/opcodes.h.
constexpr uint32_t op_bit(uint8_t op) { return 1u << op; }
inline constexpr uint32_t kRomOpsBasic =  // 0x02..0x0A: every ROM, ESP8266 included
    op_bit(0x02) | op_bit(0x03) | op_bit(0x04) | op_bit(0x05) | op_bit(0x06) | op_bit(0x07) |
    op_bit(0x08) | op_bit(0x09) | op_bit(0x0A);
inline constexpr uint32_t kRomOpsEsp32 =  // + SPI_SET_PARAMS, SPI_ATTACH, READ_FLASH_SLOW,
    kRomOpsBasic | op_bit(0x0B) | op_bit(0x0D) | op_bit(0x0E) |  // CHANGE_BAUDRATE, DEFL, MD5
    op_bit(0x0F) | op_bit(0x10) | op_bit(0x11) | op_bit(0x12) | op_bit(0x13);
inline constexpr uint32_t kRomOpsS2Later = kRomOpsEsp32 | op_bit(0x14);  // + GET_SECURITY_INFO

// GET_SECURITY_INFO payload shape (serial-protocol.md §12).
enum class SecurityInfoForm : uint8_t {
  kNone,     // ESP8266, ESP32: command absent (ROM and stub)
  kShort12,  // ESP32-S2: flags, crypt_cnt, key purposes; no chip id
  kFull20,   // ESP32-S3 and later: + chip_id, api_version
};

struct RegisterPreset {
  uint32_t address;
  uint32_t value;
};

// SPI flash controller used by esptool's run_spiflash_command (chips.md §3).
struct SpiControllerLayout {
  uint32_t base;  // CMD at +0, ADDR at +4
  uint32_t usr;   // offsets from base
  uint32_t usr1;
  uint32_t usr2;
  uint32_t w0;
  uint32_t mosi_dlen;  // 0: no DLEN registers (ESP8266 keeps bit lengths in USR1)
  uint32_t miso_dlen;
  bool address_left_aligned;  // SPI_ADDR_REG_MSB: ESP8266 and ESP32
};

// ROM boot log, assembled by loader/boot_text.cpp. "{reason}" and "{boot}" are replaced by the
// reset reason and strap description below; lines end in CRLF as the ROM prints them.
struct BootText {
  std::string_view
      reset_line;  // e.g. "ets Jul 29 2019 12:21:46\r\n\r\nrst:{reason},boot:{boot}\r\n"
  std::string_view reason_power_on;  // EN rising edge
  std::string_view reason_software;  // FLASH_END reboot, stub soft reset, reset_at fault
  std::string_view reason_usb;       // USB-Serial-JTAG reset (empty: chip has none)
  std::string_view boot_download;    // strap description in download mode
  std::string_view boot_spi;         // strap description for SPI boot
  std::string_view waiting;          // printed in download mode after the reset line
  std::string_view spi_preamble;     // flash-boot lines before "load:" (SPIWP, mode, ...)
  std::string_view no_image;         // what the ROM prints when flash holds no valid image
  std::string_view load_format;      // "load:{addr},len:{len}\r\n" per segment
  std::string_view entry_format;     // "entry {addr}\r\n"
};

struct ChipModel {
  std::string_view key;   // --chip value: "esp32c3"
  std::string_view name;  // esptool CHIP_NAME: "ESP32-C3"

  uint32_t magic;          // word at 0x40001000 (CHIP_DETECT_MAGIC_REG_ADDR)
  uint32_t image_chip_id;  // GET_SECURITY_INFO chip_id
  uint32_t eco_version;    // GET_SECURITY_INFO api/eco version word
  SecurityInfoForm security_info;

  uint32_t rom_opcodes;             // bit n set: ROM implements opcode n (0x00..0x1F)
  uint8_t rom_status_bytes;         // 2 (ESP8266) or 4 (every later ROM)
  bool rom_begin_has_encrypt_word;  // FLASH_BEGIN/DEFL_BEGIN carry a 5th word (S2 and later)
  bool rom_erase_size_bug;          // ESP8266 ROM erases extra sectors (serial-protocol.md §7.2)
  bool rom_begin_attaches_flash;    // ESP8266 ROM: FLASH_BEGIN attaches SPI flash (no SPI_ATTACH)

  uint32_t rom_boot_baud;         // UART rate after reset (74880 for the ESP8266 26 MHz ROM log)
  uint32_t uart_clock_hz;         // UART source clock in the ROM; divider = clock / baud
  uint32_t uart_clkdiv_reg;       // UART_CLKDIV_REG, read by esptool's crystal detection
  bool uart_clkdiv_has_fraction;  // ESP32 and later keep a 4-bit fraction at bit 20

  SpiControllerLayout spi;
  uint32_t gpio_strap_reg;       // GPIO_STRAP: boot strap value latched at reset
  uint32_t strap_download;       // its value in download mode (the "boot:0x.." number)
  uint32_t strap_spi;            // its value for SPI boot
  uint32_t uartdev_buf_no;       // ROM .bss variable: console in use (0 = none known)
  uint32_t uart_no_usb_jtag;     // its value on USB-Serial-JTAG (0 = chip has none)
  uint32_t uart_no_usb_otg = 0;  // its value on the USB-OTG (CDC-ACM) console (0 = none)
  // RTC_CNTL_OPTION1: bit 0 forces download boot (S2/S3, read before a USB-OTG hard reset);
  // 0 = not modelled.
  uint32_t rtc_option1_reg = 0;
  uint32_t bootloader_offset;      // where the ROM looks for the 2nd-stage image
  bool image_has_extended_header;  // ESP32 family: 16-byte extended header after the common 8

  std::span<const RegisterPreset> registers;  // efuses, dates, calibration words
  BootText boot;
  // Flash size the stub configures at start (SPIParamCfg FLASH_MAX_SIZE, serial-protocol §7.4).
  uint32_t stub_flash_max_size = 16 * 1024 * 1024;
  // The stub implements FLASH_ENCRYPT_DATA (0xD4); the ESP8266 build does not.
  bool stub_has_encrypt_data = true;
  // The eFuse read register and bit esptool's get_secure_boot_enabled() tests (ESP32:
  // ABS_DONE_0; later chips: SECURE_BOOT_EN), as {address, mask}; {0, 0} = not modelled.
  RegisterPreset secure_boot_efuse = {0, 0};
};

// The USB-OTG console's receive buffer: the ROM and stub on S2/S3 accept data blocks (MEM_DATA,
// FLASH_DATA, FLASH_DEFL_DATA payloads) of at most this many bytes (esptool USB_RAM_BLOCK).
inline constexpr uint32_t kUsbOtgMaxBlock = 0x800;

// The chip with `--chip` key `key` (e.g. "esp32s3"), or nullptr.
const ChipModel* find_chip(std::string_view key);
std::span<const ChipModel* const> all_chips();

}  // namespace hwsim
