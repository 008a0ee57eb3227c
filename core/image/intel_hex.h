// Intel HEX both ways: the writer behind `merge_bin --format hex` (the record layout of python
// intelhex 2.3's write_hex_file, which esptool v4.8.1 calls) and the reader esptool applies to
// input files that start with ':' (image-format.md §6, §7). Pure byte transforms, no file names.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/result.h"

namespace esptool::image {

// A run of bytes at an absolute address.
struct HexSegment {
  uint32_t address = 0;
  Bytes data;
};

// Largest span (highest - lowest address + 1) intel_hex_to_bin flattens. esptool has no limit;
// we refuse instead of exhausting memory (a HEX file can name 0x0 and 0xFFFFFFFF in two lines).
inline constexpr uint64_t kMaxHexSpanBytes = uint64_t(256) << 20;

// Intel HEX text for `segments` (any order; empty segments ignored), as intelhex writes it:
// data records (type 00) of at most 16 bytes that never cross a gap or a 64 KiB boundary (a run
// is cut every 16 bytes from its start, not at 16-byte aligned addresses); when the highest
// address is above 0xFFFF, a type 04 record before the first record of every 64 KiB region
// that holds data; upper-case hex; ":00000001FF" last; '\n' line ends (esptool on Linux).
// Errors: Errc::kOverlap if two segments share an address; kBadArgument past 4 GiB.
Result<Bytes> write_intel_hex(const std::vector<HexSegment>& segments);

// Parses Intel HEX text into segments sorted by address, adjacent bytes coalesced. Follows
// intelhex's reader: lines split at \n, \r\n or \r; empty lines skipped; records of types 00-05
// checked for length and checksum; type 02/04 set the base for later data records; parsing
// stops at the first type 01 record (a missing one is accepted); start-address records are
// validated and otherwise ignored.
// Errors: Errc::kInvalidImage for text that is not valid UTF-8, a malformed record, a bad
// checksum, or data past 4 GiB (message names the line); Errc::kOverlap when a data byte is
// given twice (intelhex's AddressOverlapError).
Result<std::vector<HexSegment>> parse_intel_hex(std::span<const uint8_t> text);

// esptool's intel_hex_to_bin (bin_image.py): the bytes from `start` (default: the lowest data
// address) to the highest data address inclusive, gaps filled with 0xFF; data below `start` is
// dropped. Quirk kept from intelhex: a `start` above the highest address swaps the two ends.
// No data gives an empty result. Errors: those of parse_intel_hex, plus Errc::kImageTooBig when
// the span exceeds kMaxHexSpanBytes.
Result<Bytes> intel_hex_to_bin(std::span<const uint8_t> text,
                               std::optional<uint32_t> start = std::nullopt);

// esptool's test for "this input is Intel HEX": the first byte is ':'.
inline bool looks_like_intel_hex(std::span<const uint8_t> bytes) {
  return !bytes.empty() && bytes[0] == ':';
}

}  // namespace esptool::image
