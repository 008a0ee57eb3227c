// Little-endian word access over byte spans and the byte-vector alias used across hw-sim. Kept
// separate from core/base/bytes.h on purpose: hw-sim shares no code with core/ (design.md,
// principle 2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hwsim {

using Bytes = std::vector<uint8_t>;

// Reads a u32 LE at `pos`; bytes past the end read as 0 (callers check lengths first).
inline uint32_t le32(std::span<const uint8_t> data, size_t pos) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (pos + i < data.size()) value |= static_cast<uint32_t>(data[pos + i]) << (8 * i);
  }
  return value;
}

inline uint16_t le16(std::span<const uint8_t> data, size_t pos) {
  uint16_t value = 0;
  for (size_t i = 0; i < 2; ++i) {
    if (pos + i < data.size()) value |= static_cast<uint16_t>(data[pos + i] << (8 * i));
  }
  return value;
}

inline void put_le32(Bytes& out, uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(value >> (8 * i)));
}

inline void put_le16(Bytes& out, uint16_t value) {
  out.push_back(static_cast<uint8_t>(value));
  out.push_back(static_cast<uint8_t>(value >> 8));
}

}  // namespace hwsim
