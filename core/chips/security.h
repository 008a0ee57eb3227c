// GET_SECURITY_INFO payload decoding and esptool's get_security_info report
// (serial-protocol.md §12, loader.py/cmds.py get_security_info @v4.8.1), plus the eFuse checks
// write_flash and erase run before touching flash (secure boot, flash encryption).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/chips/chip.h"
#include "core/chips/registers.h"

namespace esptool::chips {

// cmds.py SECURITY_INFO_FLAG_MAP bits.
enum SecurityFlag : uint32_t {
  kSecureBootEn = 1u << 0,
  kSecureBootAggressiveRevoke = 1u << 1,
  kSecureDownloadEnable = 1u << 2,
  kSecureBootKeyRevoke0 = 1u << 3,
  kSecureBootKeyRevoke1 = 1u << 4,
  kSecureBootKeyRevoke2 = 1u << 5,
  kSoftDisJtag = 1u << 6,
  kHardDisJtag = 1u << 7,
  kDisUsb = 1u << 8,
  kDisDownloadDcache = 1u << 9,
  kDisDownloadIcache = 1u << 10,
};

struct SecurityInfo {
  uint32_t flags = 0;
  uint8_t flash_crypt_cnt = 0;
  std::array<uint8_t, 7> key_purposes{};
  std::optional<uint32_t> chip_id;        // absent in ESP32-S2's 12-byte form
  std::optional<uint32_t> api_version;    // absent in ESP32-S2's 12-byte form
  bool flash_encryption_enabled() const;  // odd number of crypt_cnt bits
};

// The payload without status bytes: 12 bytes (ESP32-S2) or 20. Other lengths are an error, as
// struct.unpack fails in esptool.
Result<SecurityInfo> parse_security_info(std::span<const uint8_t> payload);
// get_chip_id for detection: the u32 at offset 12 when the payload holds one (>= 16 bytes).
std::optional<uint32_t> security_info_chip_id(std::span<const uint8_t> payload);
// cmds.py get_security_info output, every line ending in '\n' (starts with an empty line).
std::string security_info_text(const ChipInfo& chip, const SecurityInfo& info);

// Registers the three eFuse checks read (ESP32 adds its revision registers). Empty on ESP8266.
std::vector<uint32_t> security_registers(const ChipInfo& chip);
bool secure_boot_enabled(const ChipInfo& chip, const RegisterValues& values);
bool flash_encryption_enabled(const ChipInfo& chip, const RegisterValues& values);
bool encrypted_download_disabled(const ChipInfo& chip, const RegisterValues& values);

}  // namespace esptool::chips
