// One typed struct per loader command (serial-protocol.md §4), each with encode() giving the
// request packet. Who is talking matters for some layouts (ROM vs stub, chip), so encode takes
// the facts it needs as arguments instead of guessing.
#pragma once

#include <cstdint>
#include <span>

#include "core/base/bytes.h"
#include "core/proto/packet.h"

namespace esptool::proto {

struct Sync {
  static constexpr Opcode kOp = Opcode::kSync;
  Bytes encode() const;
};
struct ReadReg {
  static constexpr Opcode kOp = Opcode::kReadReg;
  uint32_t address;
  Bytes encode() const;
};
struct WriteReg {
  static constexpr Opcode kOp = Opcode::kWriteReg;
  uint32_t address;
  uint32_t value;
  uint32_t mask = 0xFFFFFFFF;
  uint32_t delay_us = 0;
  Bytes encode() const;
};
// FLASH_BEGIN / FLASH_DEFL_BEGIN / MEM_BEGIN share a layout; the 5th `encrypted` word is sent
// only to ROMs that expect it (every ROM but ESP8266's and ESP32's).
struct BeginCommand {
  Opcode op;
  uint32_t size;
  uint32_t blocks;
  uint32_t block_size;
  uint32_t offset;
  bool with_encrypted_word = false;
  bool encrypted = false;
  Bytes encode() const;
};
struct DataCommand {
  Opcode op;  // FLASH_DATA, FLASH_DEFL_DATA, MEM_DATA
  uint32_t seq;
  std::span<const uint8_t> payload;
  Bytes encode() const { return encode_data_command(op, seq, payload); }
};
struct EndCommand {
  Opcode op;  // FLASH_END, FLASH_DEFL_END: flag 0 = reboot, 1 = stay
  uint32_t flag;
  Bytes encode() const;
};
struct MemEnd {
  static constexpr Opcode kOp = Opcode::kMemEnd;
  uint32_t entry;  // esptool sends no_exec = (entry == 0)
  Bytes encode() const;
};
struct SpiAttach {
  static constexpr Opcode kOp = Opcode::kSpiAttach;
  uint32_t hspi_arg = 0;
  bool rom_layout = false;  // non-8266 ROMs take 4 more bytes (is_legacy = 0)
  Bytes encode() const;
};
struct SpiSetParams {
  static constexpr Opcode kOp = Opcode::kSpiSetParams;
  uint32_t total_size;
  Bytes encode() const;  // (0, size, 64 KiB block, 4 KiB sector, 256 B page, 0xFFFF)
};
struct ChangeBaudrate {
  static constexpr Opcode kOp = Opcode::kChangeBaudrate;
  uint32_t new_baud;
  uint32_t old_baud;  // 0 for the ROM, the current rate for the stub
  Bytes encode() const;
};
struct SpiFlashMd5 {
  static constexpr Opcode kOp = Opcode::kSpiFlashMd5;
  uint32_t offset;
  uint32_t size;
  Bytes encode() const;
};
struct EraseRegion {
  static constexpr Opcode kOp = Opcode::kEraseRegion;
  uint32_t offset;
  uint32_t size;
  Bytes encode() const;
};
struct ReadFlash {
  static constexpr Opcode kOp = Opcode::kReadFlash;
  uint32_t offset;
  uint32_t length;
  uint32_t packet_size = 0x1000;
  uint32_t max_inflight = 64;
  Bytes encode() const;
};
struct ReadFlashSlow {
  static constexpr Opcode kOp = Opcode::kReadFlashSlow;
  uint32_t offset;
  uint32_t length;  // <= 64
  Bytes encode() const;
};
// Commands without data: ERASE_FLASH, GET_SECURITY_INFO, RUN_USER_CODE.
Bytes encode_empty(Opcode op);

}  // namespace esptool::proto
