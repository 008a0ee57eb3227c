// UF2 output of merge_bin (image-format.md §7; esptool/uf2_writer.py v4.8.1): one 512-byte block
// per chunk of each input file, numbered per file, with an optional MD5 trailer per chunk.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "core/base/bytes.h"
#include "core/base/result.h"

namespace esptool::image {

// uf2_writer.py UF2Writer: block size, the largest payload, and the MD5 trailer that shares it.
inline constexpr uint32_t kUf2BlockSize = 512;
inline constexpr uint32_t kUf2DataSize = 476;
inline constexpr uint32_t kUf2Md5PartSize = 24;

struct Uf2Options {
  uint32_t family_id = 0;              // chips.md §1, ChipInfo::uf2_family_id
  std::optional<uint32_t> chunk_size;  // payload per block; default 452 with MD5, 476 without
  bool md5 = true;                     // false: --md5-disable
};

// The payload size to use. Errors (Errc::kBadArgument): not a multiple of 4 (esptool's argument
// error text), zero, or larger than the block holds (esptool v4.8.1 fails an assertion there).
Result<uint32_t> uf2_chunk_size(const Uf2Options& opts);

// Appends the blocks of one file at flash `address` to `out`: block numbers restart at 0 and the
// block count is this file's; an empty file adds no block; gaps between files get no blocks.
// Errors: those of uf2_chunk_size, and Errc::kBadArgument when the file runs past 4 GiB.
Status uf2_append_file(Bytes& out, uint32_t address, std::span<const uint8_t> data,
                       const Uf2Options& opts);

}  // namespace esptool::image
