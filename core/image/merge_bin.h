// merge_bin (image-format.md §7): several files at offsets -> one raw / Intel HEX / UF2 file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/result.h"
#include "core/image/address_pairs.h"
#include "core/image/output.h"

namespace esptool::image {

struct MergeBinOptions {
  std::string chip;            // required, not "auto"
  std::string output;          // required
  std::string format = "raw";  // raw | hex | uf2
  std::string flash_mode = "keep";
  std::string flash_freq = "keep";
  std::string flash_size = "keep";
  uint32_t target_offset = 0;
  std::optional<uint32_t> fill_flash_size;  // bytes (parse_fill_flash_size)
  std::optional<uint32_t> chunk_size;
  bool md5_disable = false;
  // The raw output as OutputFile::pieces (the CLIs write them one by one) instead of one buffer.
  bool output_pieces = false;
};

// The whole merge_bin command on files as read (Intel HEX inputs are converted here, as
// esptool's argument parser does, by prepare_address_files): checks the options like esptool's
// argument parser, the sector overlap rule, the chip, the target offset; patches the bootloader
// header (flash_params.h); builds the raw / hex / uf2 output named `opts.output` and esptool
// v4.8.1's stdout lines (without the "esptool.py v4.8.1" banner, which the caller prints for every
// command). Errors: Errc::kBadArgument (options, chip "auto", no files, offset before target),
// kUnknownChip, kOverlap, kImageTooBig (raw output above kMaxMergedBytes).
Result<CommandOutput> merge_bin(std::vector<AddressedFile> files, const MergeBinOptions& opts);

// --fill-flash-size choices (256KB .. 128MB) to bytes; kBadArgument for anything else.
Result<uint32_t> parse_fill_flash_size(std::string_view size);

// Raw output larger than this is refused instead of exhausting (wasm) memory; the largest flash
// esptool knows is 128 MB.
inline constexpr uint64_t kMaxMergedBytes = uint64_t(256) << 20;

}  // namespace esptool::image
