// Loader opcodes (serial-protocol.md §4; esptool/loader.py ESP_* constants).
#pragma once

#include <cstdint>

namespace esptool::proto {

enum class Opcode : uint8_t {
  kFlashBegin = 0x02,
  kFlashData = 0x03,
  kFlashEnd = 0x04,
  kMemBegin = 0x05,
  kMemEnd = 0x06,
  kMemData = 0x07,
  kSync = 0x08,
  kWriteReg = 0x09,
  kReadReg = 0x0A,
  kSpiSetParams = 0x0B,
  kSpiAttach = 0x0D,
  kReadFlashSlow = 0x0E,
  kChangeBaudrate = 0x0F,
  kFlashDeflBegin = 0x10,
  kFlashDeflData = 0x11,
  kFlashDeflEnd = 0x12,
  kSpiFlashMd5 = 0x13,
  kGetSecurityInfo = 0x14,
  // Stub-only (flasher_stub/include/stub_flasher.h).
  kEraseFlash = 0xD0,
  kEraseRegion = 0xD1,
  kReadFlash = 0xD2,
  kRunUserCode = 0xD3,
  kFlashEncryptData = 0xD4,
};

// esptool's names, e.g. "FLASH_DEFL_DATA"; "0x.." for unknown values.
const char* opcode_name(Opcode op);

}  // namespace esptool::proto
