// Appends segments to an image under construction, patching the ELF SHA-256 into the segment
// that holds --elf-sha256-offset (bin_image.py maybe_patch_segment_data) and keeping the checksum.
#pragma once

#include <cstdint>
#include <optional>

#include "core/base/bytes.h"
#include "core/base/result.h"
#include "core/image/firmware_image.h"

namespace esptool::image {

struct ElfDigestPatch {
  uint32_t offset;  // absolute file offset of the 32-byte hash
  Bytes sha256;
};

class ImageWriter {
 public:
  explicit ImageWriter(std::optional<ElfDigestPatch> patch) : patch_(std::move(patch)) {}

  Bytes& bytes() { return out_; }
  uint32_t position() const { return uint32_t(out_.size()); }
  uint8_t checksum() const { return checksum_; }

  // Writes [addr][len][data]; folds the data into the checksum when `checksummed`.
  Status write_segment(uint32_t address, Bytes data, bool checksummed);
  void write_checksum_footer() { append_checksum_footer(out_, checksum_); }

 private:
  Status patch_elf_digest(Bytes& data) const;
  Bytes out_;
  uint8_t checksum_ = kChecksumSeed;
  std::optional<ElfDigestPatch> patch_;
};

}  // namespace esptool::image
