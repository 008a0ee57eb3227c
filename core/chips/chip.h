// ChipInfo: one row of facts per chip (chips.md). Logic never switches on the chip; it reads a
// field. Image fields first, then what the device engine needs (types in chip_types.h).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/chips/chip_types.h"

namespace esptool::chips {

struct MemoryRegion {
  uint32_t start;  // inclusive
  uint32_t end;    // exclusive
  const char* name;
};

struct AddressRange {
  uint32_t start;
  uint32_t end;  // exclusive
  bool contains(uint32_t a) const { return a >= start && a < end; }
};

struct ChipInfo {
  const char* key;   // --chip value: "esp32c3"
  const char* name;  // CHIP_NAME: "ESP32-C3"
  bool is_esp8266;   // ESP8266 image classes (no extended header)
  std::optional<uint16_t> image_chip_id;
  RowList<uint32_t> magic_values;  // at 0x40001000 (chips.md §1)
  uint32_t bootloader_offset;
  uint32_t uf2_family_id;
  AddressRange irom;                     // flash-mapped code (chips.md §6)
  AddressRange drom;                     // flash-mapped data
  RowList<MemoryRegion> memory_map;  // order matters: image_info lists all matches
  RowList<CodeName> flash_sizes;     // chips.md §7
  RowList<CodeName> flash_freqs;     // dictionary order: first match wins on print
  RowList<uint32_t> mmu_page_sizes;  // accepted --flash-mmu-page-size values; empty = none
  // CHIP_NAME of the image class that accepts other page sizes (its errors name that class:
  // ESP32-H2 images say "ESP32-C6 page size", bin_image.py@v4.8.1).
  const char* mmu_page_class = nullptr;
  // ESP32 only: pad a flash segment whose end lies < 0x24 bytes past an MMU page (works around an
  // old IDF 2nd-stage bootloader bug, bin_image.py save_flash_segment).
  bool pads_flash_segment_tail = false;
  bool is_beta = false;

  // Device side (serial-protocol.md, chips.md §2-§5, §8; targets/<chip>.py@v4.8.1).
  Protocol protocol{};
  SpiFlashRegs spi{};
  EfuseBlocks efuse{};
  MacRule mac{};
  RevisionRule revision{};
  PackageRule package{};
  FeatureRule features{};
  CrystalRule crystal{};
  RomBaudRule rom_baud{};
  UsbRegs usb{};
  std::optional<WatchdogRegs> watchdogs{};
  // _post_connect disables the watchdogs on USB-JTAG-Serial unless a running stub was found
  // (C2, C6beta, H2beta1/2 and P4 override _post_connect and skip it).
  bool disables_watchdogs = false;
  std::optional<StrapRegs> usb_otg_straps{};
  bool clears_force_download_on_reset = false;  // ESP32-S3 hard_reset: OPTION1 bit 0 := 0
  bool long_reset_on_usb_jtag = false;          // ESP32-C5 hard_reset(uses_usb_jtag_serial)
  SecurityEfuses security{};
  RowList<CodeName> key_purposes{};  // KEY_PURPOSES; empty: get_security_info prints none
  std::optional<FlashVoltageRule> flash_voltage{};
  std::optional<BitField> flash_type{};  // EFUSE_RD_REPEAT_DATA3 bit 9: 1 = octal flash
  SpiPinRule spi_pins{};
  // ESP32 --no-stub: SPI_ATTACH with the pads from eFuse (BLK0_RDATA5, BLK0_RDATA3).
  std::optional<std::pair<uint32_t, uint32_t>> efuse_spi_pads{};
  bool rom_erase_size_workaround = false;  // ESP8266 ROM get_erase_size
  bool image_min_rev_is_minor = false;     // ESP32-C3: image min_rev compares to the minor
  uint8_t encrypted_write_align = 16;      // FLASH_ENCRYPTED_WRITE_ALIGN; 0 = no encryption
  StubRule stub{};
  BootStrapRule boot_straps{};

  bool is_flash_address(uint32_t a) const { return irom.contains(a) || drom.contains(a); }
  // Every MEMORY_MAP name whose range holds `address`, in table order.
  std::vector<std::string> memory_names(uint32_t address) const;
  std::optional<uint8_t> flash_size_code(std::string_view size) const;
  std::optional<uint8_t> flash_freq_code(std::string_view freq) const;
  const char* flash_size_name(uint8_t code) const;  // nullptr if unknown
  const char* flash_freq_name(uint8_t code) const;  // nullptr if unknown
};

// All chips in esptool's list order (esptool/targets/__init__.py), betas included.
std::span<const ChipInfo* const> all_chips();
// Lookup by --chip key after strip_chip_name normalisation ("ESP32-C3" -> "esp32c3").
const ChipInfo* find_chip(std::string_view key_or_name);
// First non-ESP8266 chip whose IMAGE_CHIP_ID is `id`.
const ChipInfo* find_chip_by_image_id(uint16_t id);
// Comma-separated keys of the non-beta chips, for error messages.
std::string chip_choices();
std::string strip_chip_name(std::string_view name);

// Flash modes are shared by all chips: qio 0, qout 1, dio 2, dout 3.
std::optional<uint8_t> flash_mode_code(std::string_view mode);
const char* flash_mode_name(uint8_t code);  // "QIO".. or nullptr

}  // namespace esptool::chips
