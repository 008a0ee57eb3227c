// Command opcodes of the ROM loader and the legacy flasher stub (serial-protocol.md §4).
#pragma once

#include <cstddef>
#include <cstdint>

namespace hwsim::op {

inline constexpr uint8_t kFlashBegin = 0x02;
inline constexpr uint8_t kFlashData = 0x03;
inline constexpr uint8_t kFlashEnd = 0x04;
inline constexpr uint8_t kMemBegin = 0x05;
inline constexpr uint8_t kMemEnd = 0x06;
inline constexpr uint8_t kMemData = 0x07;
inline constexpr uint8_t kSync = 0x08;
inline constexpr uint8_t kWriteReg = 0x09;
inline constexpr uint8_t kReadReg = 0x0A;
inline constexpr uint8_t kSpiSetParams = 0x0B;
inline constexpr uint8_t kSpiAttach = 0x0D;
inline constexpr uint8_t kReadFlashSlow = 0x0E;
inline constexpr uint8_t kChangeBaudrate = 0x0F;
inline constexpr uint8_t kFlashDeflBegin = 0x10;
inline constexpr uint8_t kFlashDeflData = 0x11;
inline constexpr uint8_t kFlashDeflEnd = 0x12;
inline constexpr uint8_t kSpiFlashMd5 = 0x13;
inline constexpr uint8_t kGetSecurityInfo = 0x14;
// Stub only.
inline constexpr uint8_t kEraseFlash = 0xD0;
inline constexpr uint8_t kEraseRegion = 0xD1;
inline constexpr uint8_t kReadFlash = 0xD2;
inline constexpr uint8_t kRunUserCode = 0xD3;
inline constexpr uint8_t kFlashEncryptData = 0xD4;

// The commands a ROM in Secure Download Mode still serves (S2 and later; esptool docs,
// serial-protocol.rst "Supported in Secure Download Mode"): SYNC, SPI_ATTACH, SPI_SET_PARAMS,
// CHANGE_BAUDRATE, FLASH_BEGIN/DATA/END and GET_SECURITY_INFO. Everything else is refused,
// including FLASH_DEFL_* and SPI_FLASH_MD5 (serial-protocol.md §4).
inline constexpr bool allowed_in_secure_download(uint8_t opcode) {
  return opcode == kSync || opcode == kSpiAttach || opcode == kSpiSetParams ||
         opcode == kChangeBaudrate || opcode == kFlashBegin || opcode == kFlashData ||
         opcode == kFlashEnd || opcode == kGetSecurityInfo;
}

// Commands whose data is a block (16-byte header + payload), limited by the console's buffer.
inline constexpr bool carries_data_block(uint8_t opcode) {
  return opcode == kMemData || opcode == kFlashData || opcode == kFlashDeflData ||
         opcode == kFlashEncryptData;
}

// The block's payload is longer than `max_block` (0 = no limit).
inline constexpr bool block_too_large(uint8_t opcode, size_t data_size, uint32_t max_block) {
  return max_block != 0 && carries_data_block(opcode) && data_size > 16 + size_t{max_block};
}

}  // namespace hwsim::op
