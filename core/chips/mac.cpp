#include "core/chips/mac.h"

#include "core/base/bytes.h"

namespace esptool::chips {

namespace {

// The six bytes of `hi[15:0] . lo[31:0]`, big-endian (struct.pack(">II", hi, lo)[2:]).
std::array<uint8_t, 6> mac_from_words(uint32_t hi, uint32_t lo) {
  return {uint8_t(hi >> 8),  uint8_t(hi),      uint8_t(lo >> 24),
          uint8_t(lo >> 16), uint8_t(lo >> 8), uint8_t(lo)};
}

Result<MacAddresses> esp8266_mac(const uint32_t* regs, const RegisterValues& v) {
  const uint32_t mac0 = v.at(regs[0]), mac1 = v.at(regs[1]), mac3 = v.at(regs[2]);
  std::array<uint8_t, 3> oui;
  if (mac3 != 0) {
    oui = {uint8_t(mac3 >> 16), uint8_t(mac3 >> 8), uint8_t(mac3)};
  } else if (((mac1 >> 16) & 0xFF) == 0) {
    oui = {0x18, 0xFE, 0x34};  // esp8266.py: Espressif's first OUI
  } else if (((mac1 >> 16) & 0xFF) == 1) {
    oui = {0xAC, 0xD0, 0x74};
  } else {
    Error e = make_error(Errc::kUnexpectedReply, "Unknown OUI");
    e.name_text = "unknown_oui";
    return e;
  }
  MacAddresses out;
  out.base = {oui[0], oui[1], oui[2], uint8_t(mac1 >> 8), uint8_t(mac1), uint8_t(mac0 >> 24)};
  return out;
}

}  // namespace

std::vector<uint32_t> mac_registers(const ChipInfo& chip) { return chip.mac.registers; }

Result<MacAddresses> decode_mac(const ChipInfo& chip, const RegisterValues& values) {
  const uint32_t* regs = chip.mac.registers.begin();  // as many as the format reads
  MacAddresses out;
  switch (chip.mac.format) {
    case MacFormat::kEsp8266Otp:
      return esp8266_mac(regs, values);
    case MacFormat::kEsp32:  // words {1, 2}: word 2's top 16 bits are a CRC
      out.base = mac_from_words(values.at(regs[1]), values.at(regs[0]));
      return out;
    case MacFormat::kEfuse:
    case MacFormat::kEfuseEui64: {
      const uint32_t lo = values.at(regs[0]), hi = values.at(regs[1]);
      out.base = mac_from_words(hi, lo);
      if (chip.mac.format == MacFormat::kEfuseEui64) {
        out.ext = std::array<uint8_t, 2>{uint8_t(hi >> 24), uint8_t(hi >> 16)};
        const auto& b = out.base;
        out.eui64 = std::array<uint8_t, 8>{b[0],          b[1], b[2], (*out.ext)[0],
                                           (*out.ext)[1], b[3], b[4], b[5]};
      }
      return out;
    }
  }
  return out;
}

std::string format_mac(std::span<const uint8_t> bytes) {
  std::string out;
  for (size_t i = 0; i < bytes.size(); ++i) out += strprintf(i == 0 ? "%02x" : ":%02x", bytes[i]);
  return out;
}

std::vector<std::string> mac_lines(const MacAddresses& mac) {
  if (!mac.eui64) return {"MAC: " + format_mac(mac.base)};
  return {"MAC: " + format_mac(*mac.eui64), "BASE MAC: " + format_mac(mac.base),
          "MAC_EXT: " + format_mac(*mac.ext)};
}

bool has_chip_id(const ChipInfo& chip) { return chip.mac.format == MacFormat::kEsp8266Otp; }

uint32_t esp8266_chip_id(const ChipInfo& chip, const RegisterValues& values) {
  const uint32_t id0 = values.at(chip.mac.registers.begin()[0]),
                 id1 = values.at(chip.mac.registers.begin()[1]);
  return (id0 >> 24) | ((id1 & 0xFFFFFF) << 8);
}

}  // namespace esptool::chips
