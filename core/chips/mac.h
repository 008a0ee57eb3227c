// MAC addresses from eFuse/OTP words (serial-protocol.md §13, targets/*.py read_mac @v4.8.1) and
// the lines esptool's read_mac prints; also the ESP8266 chip_id command's number.
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

struct MacAddresses {
  std::array<uint8_t, 6> base{};
  std::optional<std::array<uint8_t, 8>>
      eui64;                                  // C6, C5, C5beta3, H2: base[0..2] + ext + base[3..5]
  std::optional<std::array<uint8_t, 2>> ext;  // MAC_EXT: top 16 bits of the high word
};

// The words decode_mac reads (chip.mac.registers).
std::vector<uint32_t> mac_registers(const ChipInfo& chip);
// Errors: ESP8266 OTP with no OUI in MAC3 and an unknown OUI selector -> "Unknown OUI"
// (name "unknown_oui").
Result<MacAddresses> decode_mac(const ChipInfo& chip, const RegisterValues& values);
// "60:55:f9:f7:2c:a2" (lower-case hex, as esptool's print_mac).
std::string format_mac(std::span<const uint8_t> bytes);
// cmds.py read_mac: "MAC: <eui64>", "BASE MAC: <base>", "MAC_EXT: <ext>" when an EUI-64 exists,
// else "MAC: <base>".
std::vector<std::string> mac_lines(const MacAddresses& mac);

// The chip_id command exists only where the MAC comes from ESP8266 OTP.
bool has_chip_id(const ChipInfo& chip);
// esp8266.py chip_id: (MAC0 >> 24) | ((MAC1 & 0xFFFFFF) << 8); reads mac_registers(esp8266).
uint32_t esp8266_chip_id(const ChipInfo& chip, const RegisterValues& values);

}  // namespace esptool::chips
