// Parsed view of a ROM-loadable image (ESP8266 v1/v2, ESP32 family) and the checksum/footer
// helpers shared by the writers. Parsing never reads out of bounds: truncation is an Error.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/result.h"
#include "core/chips/chip.h"
#include "core/image/segment.h"

namespace esptool::image {

inline constexpr uint8_t kImageMagic = 0xE9;
inline constexpr uint8_t kEsp8266V2Magic = 0xEA;
inline constexpr uint8_t kChecksumSeed = 0xEF;
inline constexpr size_t kMaxSegments = 16;

struct ExtendedHeader {
  uint8_t wp_pin = 0xEE;
  uint8_t clk_drv = 0, q_drv = 0, d_drv = 0, cs_drv = 0, hd_drv = 0, wp_drv = 0;
  uint16_t chip_id = 0;
  uint8_t min_rev = 0;
  uint16_t min_rev_full = 0;
  uint16_t max_rev_full = 0xFFFF;
  uint8_t append_digest = 1;
};

struct ParsedImage {
  const chips::ChipInfo* chip = nullptr;  // the image class used to parse
  int image_version = 1;                  // 2 for ESP8266 "v2" (magic 0xEA)
  uint8_t flash_mode = 0;
  uint8_t flash_size_freq = 0;            // byte 3: size code high nibble, freq low nibble
  uint32_t entry = 0;
  std::optional<ExtendedHeader> extended;  // ESP32 family only
  std::vector<Segment> segments;           // in file order, file_offset set
  uint8_t stored_checksum = 0;
  uint8_t calculated_checksum = 0;         // ParseDepth::kFull only
  uint32_t data_length = 0;                // bytes up to and including the checksum byte
  std::optional<Bytes> stored_sha256;      // when append_digest == 1
  Bytes calculated_sha256;                 // SHA-256 of [0, data_length) (ParseDepth::kFull)
  std::vector<std::string> warnings;       // printed by esptool while loading

  bool checksum_valid() const { return stored_checksum == calculated_checksum; }
  bool sha256_valid() const { return stored_sha256 && *stored_sha256 == calculated_sha256; }
};

// How much parse_image computes. kLayout fails exactly where kFull fails (headers, segment
// bounds, the checksum's position, the segment count) and fills in every header field,
// data_length and stored_sha256, but leaves each segment's data empty and computes neither the
// checksum nor the SHA-256: enough for a caller that asks only whether the image is valid and
// what its headers say (write_flash's chip checks, merge_bin's flash parameters), at a fraction of
// the cost on a 4 MB app (no copy of its segments, no pass over its bytes).
enum class ParseDepth { kFull, kLayout };

// Parses `bytes` as an image of `chip`'s class. ESP8266: magic 0xE9 -> v1, 0xEA -> v2.
// Errors (Errc::kInvalidImage) for a bad magic, truncation, more than 16 segments.
Result<ParsedImage> parse_image(std::span<const uint8_t> bytes, const chips::ChipInfo& chip,
                                ParseDepth depth = ParseDepth::kFull);

// The chip image_info --chip auto picks: extended-header chip id, else ESP8266 (image-format §6).
const chips::ChipInfo& detect_image_chip(std::span<const uint8_t> bytes);

uint8_t checksum_update(uint8_t state, std::span<const uint8_t> data);
// Appends zero padding so the file is ≡ 15 (mod 16), then the checksum byte.
void append_checksum_footer(Bytes& out, uint8_t checksum);
// Appends [addr u32][len u32][data] and returns the header's file offset.
uint32_t append_segment(Bytes& out, uint32_t address, std::span<const uint8_t> data);

}  // namespace esptool::image
