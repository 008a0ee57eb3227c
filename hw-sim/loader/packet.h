// Request parsing and reply building for the loader protocol (serial-protocol.md §2, §3).
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "hw-sim/base/bytes.h"

namespace hwsim {

struct Request {
  uint8_t op = 0;
  uint16_t size = 0;              // the header's data length
  uint32_t checksum = 0;          // header checksum field (meaningful for *_DATA commands)
  std::span<const uint8_t> data;  // bytes after the 8-byte header
  // The header's size equals the bytes actually received.
  bool size_matches() const { return size == data.size(); }
};

// A frame is a request when it has at least 8 bytes and direction byte 0.
std::optional<Request> parse_request(std::span<const uint8_t> frame);

// The *_DATA checksum: 0xEF XOR every payload byte (serial-protocol.md §3).
uint8_t data_checksum(std::span<const uint8_t> payload);

// Reply frame payload (before SLIP): 01, op, size (payload + status), value, payload, status.
Bytes build_reply(uint8_t op, uint32_t value, std::span<const uint8_t> payload,
                  std::span<const uint8_t> status);

}  // namespace hwsim
