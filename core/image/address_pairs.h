// esptool's `<address> <filename>` positional arguments (image-format.md §7; AddrFilenamePairAction
// in esptool/__init__.py v4.8.1), shared by merge_bin, write_flash and verify_flash. Parsing the
// words and checking the loaded files are separate steps because reading files is the caller's.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/result.h"

namespace esptool::image {

struct AddressPath {
  uint32_t address;
  std::string path;
};

struct AddressedFile {
  uint32_t address;
  std::string name;  // as typed (messages)
  Bytes data;
};

// Python's int(text, 0), as esptool parses addresses: optional sign, 0x/0o/0b prefixes, decimal
// without leading zeros, '_' between digits, surrounding whitespace. Errors (kBadArgument):
// 'Address "<text>" must be a number'; a value outside 0..0xFFFFFFFF (esptool would accept a
// negative or huge number and fail later).
Result<uint32_t> parse_address(std::string_view text);

// Pairs words as `address path address path ...`, in the given order. Errors (kBadArgument):
// a bad address, or an odd count: "Must be pairs of an address and the binary filename to write
// there".
Result<std::vector<AddressPath>> parse_address_pairs(std::span<const std::string> words);

// Replaces every file whose data starts with ':' by its Intel HEX content flattened from the
// file's address (intel_hex_to_bin); files whose text is not valid Intel HEX stay raw, as in
// esptool. Errors: a HEX file that gives an address twice, or spans too much (esptool crashes).
Status convert_hex_inputs(std::vector<AddressedFile>& files);

// esptool's overlap rule at 4 KiB-sector granularity, files taken in address order: each file
// covers sectors [address & ~0xFFF, roundup(address + size, 0x1000)); a file whose first sector
// starts before the previous file's last sector ends is refused (Errc::kOverlap) with "Detected
// overlap at address: 0x<address> for file: <name>".
Status check_overlap(const std::vector<AddressedFile>& files);

// What esptool does once the files are open: convert_hex_inputs, then check_overlap. The order
// of `files` is kept (write_flash writes in the given order; merge_bin sorts).
Status prepare_address_files(std::vector<AddressedFile>& files);

}  // namespace esptool::image
