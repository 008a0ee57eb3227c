// The row types ChipInfo is made of for the device side: protocol limits, register blocks and
// the rules that turn register values into facts (chips.md §2-§5, §8). Pure data; the helpers
// that apply them live in revision.*, description.*, mac.*, crystal.*, security.*, usb.*.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/chips/registers.h"

namespace esptool::chips {

struct ChipInfo;

// A fixed list in a chip row. The rows are constant data that the compiler lays out in the
// module's data section, with no code building them at start-up (issue 10: all_chips() was
// 13.8 KB of such code), so their lists are initializer lists, not vectors.
template <class T>
using RowList = std::initializer_list<T>;

struct CodeName {
  const char* name;
  uint8_t code;
};

// Which optional commands the chip's ROM loader implements (serial-protocol.md §4 table). The
// stub implements all of them except READ_FLASH_SLOW.
struct RomCommands {
  bool has_defl = true;             // FLASH_DEFL_BEGIN/DATA/END
  bool has_md5 = true;              // SPI_FLASH_MD5
  bool has_change_baud = true;      // CHANGE_BAUDRATE
  bool has_spi_attach = true;       // SPI_ATTACH (8-byte ROM layout)
  bool has_read_flash_slow = true;  // READ_FLASH_SLOW
  bool has_spi_set_params = true;   // SPI_SET_PARAMS
};

struct Protocol {
  uint8_t rom_status_len = 4;  // ESP8266 ROM: 2; every stub: 2
  RomCommands rom{};
  bool rom_begin_has_encrypted_word = true;  // SUPPORTS_ENCRYPTED_FLASH: 5th word of *_BEGIN
  uint8_t rom_security_info_len = 20;        // GET_SECURITY_INFO payload: 0 = unsupported
  uint32_t ram_block = 0x1800;               // ESP_RAM_BLOCK (ROM and stub)
  uint32_t rom_flash_block = 0x400;          // FLASH_WRITE_SIZE of the ROM classes
  uint32_t stub_flash_block = 0x4000;        // stub MAX_WRITE_BLOCK
  // USB_RAM_BLOCK: the RAM block once _post_connect saw USB-OTG (ROM), and the stub's RAM and
  // flash block when its class switches too (S2, S3; not S3beta2's stub). 0 = no USB-OTG.
  uint32_t usb_otg_block = 0;
  bool stub_uses_usb_otg_block = false;
  uint32_t uart_date_reg = 0x60000078;  // UART_DATE_REG_ADDR: dummy target of delayed WRITE_REG
  // v4.8.1 identifies ESP8266/ESP32/ESP32-S2 only by the magic word: GET_SECURITY_INFO has no
  // chip_id there (loader.py esp32s3_or_newer_function_only), so check_chip_id is skipped.
  bool uses_magic_value = false;
};

// SPI flash controller block for run_spiflash_command (serial-protocol.md §11). Offsets from base.
struct SpiFlashRegs {
  uint32_t base = 0;
  uint8_t usr = 0, usr1 = 0, usr2 = 0, w0 = 0;
  uint8_t mosi_dlen = 0, miso_dlen = 0;  // 0: no DLEN registers (ESP8266 puts lengths in USR1)
  bool addr_left_aligned = false;        // SPI_ADDR_REG_MSB: ADDR = addr << (32 - addr_bits)
  bool has_dlen_regs() const { return mosi_dlen != 0; }
};

struct EfuseBlocks {
  uint32_t base = 0;    // EFUSE_BASE (ESP32: EFUSE_RD_REG_BASE, word n at +4n)
  uint32_t block1 = 0;  // EFUSE_BLOCK1_ADDR, 0 = not used
  uint32_t block2 = 0;  // EFUSE_BLOCK2_ADDR, 0 = not used
};

// read_mac formulas (serial-protocol.md §13). Register roles by format:
// kEsp8266Otp {MAC0, MAC1, MAC3}; kEsp32 {efuse word1, word2}; kEfuse* {MAC_EFUSE_REG, +4}.
enum class MacFormat : uint8_t { kEsp8266Otp, kEsp32, kEfuse, kEfuseEui64 };
struct MacRule {
  MacFormat format = MacFormat::kEfuse;
  RowList<uint32_t> registers{};
};

struct Revision {
  uint32_t major = 0;
  uint32_t minor = 0;
  uint32_t value() const { return major * 100 + minor; }  // get_chip_revision()
};

using RevisionFn = Revision (*)(const ChipInfo&, const RegisterValues&);
// major = field; minor = (minor_hi << 3) + minor_lo (targets/*.py get_*_chip_version).
struct RevisionRule {
  bool has_revision = true;  // ESP8266: none
  BitField major{};
  BitField minor_lo{};
  std::optional<BitField> minor_hi{};
  // ESP32-S3 ECO0: if (raw minor & 7) == 0 and both block versions are 1, report v0.0.
  std::optional<BitField> eco0_blk_major{}, eco0_blk_minor{};
  RevisionFn custom = nullptr;               // ESP32's three-bit major
  RowList<uint32_t> custom_registers{};  // what `custom` reads
};

using DescribeFn = std::string (*)(const ChipInfo&, const RegisterValues&);
// Name lookup for get_chip_description: key = field + 100 * hundreds (ESP32-S2 flash/psram caps).
struct PackageRule {
  BitField field{};
  std::optional<BitField> hundreds{};
  RowList<CodeName> names{};
  const char* unknown = "";     // "unknown ESP32-C3"
  DescribeFn custom = nullptr;  // whole description (ESP8266, ESP32)
  RowList<uint32_t> custom_registers{};
};

using FeaturesFn = void (*)(const ChipInfo&, const RegisterValues&, bool secure_download_mode,
                            std::vector<std::string>& features);
struct FeatureRule {
  RowList<const char*> fixed;          // always listed first ("WiFi", "BLE")
  FeaturesFn more = nullptr;               // eFuse-dependent tail (caps, vendors, ...)
  RowList<uint32_t> more_registers{};  // what `more` reads
};

// get_crystal_freq: fixed, or detected from the UART divider (serial-protocol.md §16).
struct CrystalRule {
  uint8_t fixed_mhz = 0;  // 0 = detect
  uint32_t uart_clkdiv_reg = 0x60000014;
  uint8_t xtal_clk_divider = 1;  // ESP8266: 2
};

// The ROM's CHANGE_BAUDRATE needs a fake rate on some chips (serial-protocol.md §16).
enum class RomBaudQuirk : uint8_t {
  kNone,
  kEsp32RtcCalibration,  // registers {RTCCALICFG1, efuse word 4}
  kCrystal26As40,        // ESP32-C2 with a 26 MHz crystal
  kRomExpectedCrystal,   // ESP32-C5: registers {PCR_SYSCLK_CONF}
  kCrystal48As40,        // ESP32-C5(beta3) with a 48 MHz crystal
};
struct RomBaudRule {
  RomBaudQuirk quirk = RomBaudQuirk::kNone;
  RowList<uint32_t> registers{};
};

// UARTDEV_BUF_NO: ROM .bss variable naming the console in use (serial-protocol.md §17).
struct UsbRegs {
  uint32_t uartdev_buf_no = 0;    // 0: esptool never checks
  uint8_t otg_value = 0;          // 0: no USB-OTG
  uint8_t jtag_serial_value = 0;  // 0: no USB-JTAG-Serial
};

// RTC WDT and super watchdog registers written by disable_watchdogs (chips.md §8).
struct WatchdogRegs {
  uint32_t wdt_config0 = 0, wdt_wprotect = 0, wdt_key = 0;
  uint32_t swd_conf = 0, swd_wprotect = 0, swd_auto_feed = 0, swd_key = 0;
};

// USB-OTG hard reset check (reset-and-boot.md §5): GPIO0 strapped low and not forced.
struct StrapRegs {
  uint32_t gpio_strap = 0, spi_boot_mask = 0;
  uint32_t option1 = 0, force_download_mask = 0;
};

struct SecurityEfuses {
  RegisterFlag secure_boot;           // EFUSE_SECURE_BOOT_EN (ESP32: ABS_DONE_0)
  RegisterFlag secure_boot_rev3{};    // ESP32 only: ABS_DONE_1 counts from revision v3.0
  RegisterFlag crypt_cnt{};           // SPI_BOOT_CRYPT_CNT field: odd popcount = encryption on
  RegisterFlag dis_manual_encrypt{};  // EFUSE_DIS_DOWNLOAD_MANUAL_ENCRYPT
};

// get_flash_voltage (ESP32, S2, S3): RTC override, then eFuse, then strapping pin.
struct FlashVoltageRule {
  uint32_t rtc_sdio_conf = 0;  // 0: no RTC override register (S2, S3)
  uint32_t efuse_reg = 0;
  uint32_t efuse_mask = 0;  // FORCE | XPD | TIEH: any set reads as "3.3V" (sic, esp32.py)
  uint32_t strap_reg = 0;
  uint32_t strap_mask = 0;  // set = 1.8V
};

struct PinRange {
  uint8_t first, last;  // inclusive
};
// check_spi_connection: pins (CLK, Q, D, HD, CS) allowed, and pins shared with USB.
struct SpiPinRule {
  bool supported = true;  // ESP8266: "Setting --spi-connection is not supported by ..."
  RowList<PinRange> ranges{};
  const char* range_error = "";     // exact esptool message
  uint8_t hd_max = 255;             // ESP32-S3: HD must be <= 46
  RowList<uint8_t> usb_pins{};  // two pins named in the warning; empty = no warning
  const char* usb_users = "";       // "USB-Serial/JTAG"
};

struct StubRule {
  // The converted file (web/dist/stubs/, from esptool-js 0.6.1 lib/targets/stub_flasher/ of the
  // same name in .json); null = none.
  const char* file = nullptr;
  const char* file_before_rev3 = nullptr;  // ESP32-P4 below v3.0 (esptool-js getStubJsonPath)
  bool disabled_at_rev0 = false;           // ESP32-C2 ECO0 (esp32c2.py _post_connect)
  bool supports_large_flash = false;       // only ESP32-S3's stub handles > 16 MB
};

// The strapping value ESP32-family ROMs print after a reset as "boot:0xNN (...)" (GPIO_STRAP,
// reset-and-boot.md §6): which bits pick download mode, and the names a board gives the pins, so
// a failed connect can say what the chip did. mask 0: not decoded (ESP8266 prints
// "boot mode:(a,b)" at 74880 baud; beta chips are not documented).
struct BootStrapRule {
  uint32_t mask = 0;                // the strap bits that choose between download and SPI boot
  uint32_t download = 0;            // their value in (UART/USB) download mode
  const char* boot_pin = nullptr;   // the pin the board's BOOT button pulls low
  const char* other_pin = nullptr;  // the second strap in `mask`, and the level it needs
  // How the ROM's first line names this chip ("ESP-ROM:esp32c3-"), so a boot log can be read
  // before the chip is known; up to two forms (ESP32 silicon revisions print different dates).
  const char* banners[2] = {nullptr, nullptr};
};

}  // namespace esptool::chips
