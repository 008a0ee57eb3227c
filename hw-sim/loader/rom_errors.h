// ROM loader error bytes (serial-protocol.md §5, the v4.8.1 doc table).
#pragma once

#include <cstdint>

namespace hwsim::rom_error {

inline constexpr uint8_t kInvalidMessage = 0x05;
inline constexpr uint8_t kFailedToAct = 0x06;
inline constexpr uint8_t kBadChecksum = 0x07;
inline constexpr uint8_t kFlashWriteError = 0x08;
inline constexpr uint8_t kFlashReadError = 0x09;
inline constexpr uint8_t kReadLengthError = 0x0A;
inline constexpr uint8_t kDeflateError = 0x0B;

}  // namespace hwsim::rom_error
