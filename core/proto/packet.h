// Request encoding and reply decoding (serial-protocol.md §2, §3, §5). Pure functions over
// un-SLIPped frames; the engine decides who is talking (ROM or stub, which chip) and passes the
// status length, so nothing here guesses a layout from a length.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "core/base/bytes.h"
#include "core/base/result.h"
#include "core/proto/opcode.h"

namespace esptool::proto {

inline constexpr uint8_t kChecksumSeed = 0xEF;

// [0x00][op][len u16][checksum u32][data].
Bytes encode_request(Opcode op, std::span<const uint8_t> data, uint32_t checksum = 0);
// Data field of MEM_DATA / FLASH_DATA / FLASH_DEFL_DATA: [len][seq][0][0][payload]; the
// checksum (seed 0xEF XOR payload bytes) goes in the header.
Bytes encode_data_command(Opcode op, uint32_t seq, std::span<const uint8_t> payload);
uint8_t payload_checksum(std::span<const uint8_t> payload);

struct Reply {
  Opcode op;
  uint32_t value;  // READ_REG result, SYNC marker
  Bytes data;      // payload followed by the status bytes
};

// A frame is a reply when it has direction 1 and at least 8 bytes; anything else is nullopt.
std::optional<Reply> decode_reply(std::span<const uint8_t> frame);

enum class Responder { kRom, kStub };

// Splits off `status_len` trailing status bytes and turns a failure into the Error esptool users
// know: ROM code 0x0100|error, stub code status<<8 (style.md §3). Returns the payload on success.
Result<Bytes> check_reply(const Reply& reply, Responder who, size_t status_len);

// Human text for a device code, e.g. 0x0107 "checksum error", 0xC100 "Bad data checksum".
const char* device_error_text(uint16_t code);
// Dotted name for a device code, e.g. "rom.checksum_error", "stub.bad_data_checksum".
std::string device_error_name(uint16_t code);

}  // namespace esptool::proto
