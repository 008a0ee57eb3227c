// Test-side writers for binary fixtures: a RAM-only ESP32-family image (as elf2image writes a
// 2nd-stage bootloader) and Intel HEX. Written from image-format.md, independent of core/image.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/bytes.h"

namespace esptool::testing {

struct RamSegment {
  uint32_t addr;
  Bytes data;  // padded to 4 bytes with zeros when written
};

struct RamImageSpec {
  uint16_t chip_id = 0;
  uint32_t entry = 0;
  uint8_t flash_mode = 2;          // DIO
  uint8_t flash_size_freq = 0x10;  // 2MB, 40m (ESP32-family codes)
  bool append_digest = true;
  std::vector<RamSegment> segments;  // written in this order
};

// 8-byte header, 16-byte extended header (WP 0xEE, max rev 65535), segments, 0xEF-seeded XOR
// checksum at file offset = 15 mod 16, and the SHA-256 of everything before it if requested.
Bytes ram_image(const RamImageSpec& spec);

// Intel HEX: 16-byte data records, an extended linear address record at each 64 KiB region,
// upper-case, "\n" line ends, final ":00000001FF".
std::string intel_hex(uint32_t addr, const Bytes& data);

}  // namespace esptool::testing
