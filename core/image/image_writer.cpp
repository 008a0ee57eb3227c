#include "core/image/image_writer.h"

#include <algorithm>

namespace esptool::image {

Status ImageWriter::patch_elf_digest(Bytes& data) const {
  if (!patch_) return Status::Ok();
  const uint64_t pos = out_.size();  // position of the segment header
  const uint64_t off = patch_->offset;
  const uint64_t len = data.size();
  if (off < pos || off >= pos + len) return Status::Ok();
  // bin_image.py compares against the data length, not header + data (image-format.md §4.5).
  uint64_t at = off - pos;
  if (at < 8 || at + 32 > len) {
    return make_error(Errc::kInvalidImage,
                      strprintf("Cannot place SHA256 digest on segment boundary(elf_sha256_offset=%u, "
                                "file_pos=%u, segment_size=%u)",
                                unsigned(off), unsigned(pos), unsigned(len)));
  }
  at -= 8;
  if (!std::all_of(data.begin() + at, data.begin() + at + 32, [](uint8_t b) { return b == 0; })) {
    return make_error(Errc::kInvalidImage,
                      strprintf("Contents of segment at SHA256 digest offset 0x%x are not all zero. "
                                "Refusing to overwrite.",
                                unsigned(off)));
  }
  std::copy(patch_->sha256.begin(), patch_->sha256.end(), data.begin() + at);
  return Status::Ok();
}

Status ImageWriter::write_segment(uint32_t address, Bytes data, bool checksummed) {
  ESPT_TRY(patch_elf_digest(data));
  append_segment(out_, address, data);
  if (checksummed) checksum_ = checksum_update(checksum_, data);
  return Status::Ok();
}

}  // namespace esptool::image
