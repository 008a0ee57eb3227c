// UF2 block writer; field layout from esptool v4.8.1 uf2_writer.py and microsoft/uf2's README.
#include "core/image/uf2.h"

#include <algorithm>

#include "core/util/md5.h"

namespace esptool::image {
namespace {

// microsoft/uf2 README, "File containers": magic numbers and flags.
constexpr uint32_t kFirstMagic = 0x0A324655;
constexpr uint32_t kSecondMagic = 0x9E5D5157;
constexpr uint32_t kFinalMagic = 0x0AB16F30;
constexpr uint32_t kFlagFamilyIdPresent = 0x00002000;
constexpr uint32_t kFlagMd5Present = 0x00004000;

void append_block(Bytes& out, uint32_t address, std::span<const uint8_t> chunk, uint32_t block_no,
                  uint32_t blocks, const Uf2Options& opts) {
  const size_t start = out.size();
  append_le32(out, kFirstMagic);
  append_le32(out, kSecondMagic);
  append_le32(out, kFlagFamilyIdPresent | (opts.md5 ? kFlagMd5Present : 0));
  append_le32(out, address);
  append_le32(out, uint32_t(chunk.size()));
  append_le32(out, block_no);
  append_le32(out, blocks);
  append_le32(out, opts.family_id);
  append(out, chunk);
  if (opts.md5) {  // the trailer follows the payload directly, not at a fixed offset
    append_le32(out, address);
    append_le32(out, uint32_t(chunk.size()));
    append(out, util::md5(chunk));
  }
  out.resize(start + kUf2BlockSize - 4, 0x00);
  append_le32(out, kFinalMagic);
}

}  // namespace

Result<uint32_t> uf2_chunk_size(const Uf2Options& opts) {
  const uint32_t max = kUf2DataSize - (opts.md5 ? kUf2Md5PartSize : 0);
  if (!opts.chunk_size) return max;
  const uint32_t size = *opts.chunk_size;
  if (size % 4 != 0) {
    return make_error(Errc::kBadArgument, "Chunk size should be a 4-byte aligned number");
  }
  if (size == 0 || size > max) {
    return make_error(Errc::kBadArgument,
                      strprintf("Chunk size %u does not fit a UF2 block: use 4 to %u%s", size, max,
                                opts.md5 ? " (476 with --md5-disable)" : ""));
  }
  return size;
}

Status uf2_append_file(Bytes& out, uint32_t address, std::span<const uint8_t> data,
                       const Uf2Options& opts) {
  ESPT_ASSIGN(chunk_size, uf2_chunk_size(opts));
  if (uint64_t(address) + data.size() > (uint64_t(1) << 32)) {
    return make_error(Errc::kBadArgument,
                      strprintf("File at 0x%x (%zu bytes) runs past the 4 GiB address space",
                                address, data.size()));
  }
  const uint32_t blocks = uint32_t((data.size() + chunk_size - 1) / chunk_size);
  out.reserve(out.size() + size_t(blocks) * kUf2BlockSize);
  for (uint32_t i = 0; i < blocks; ++i) {
    const size_t off = size_t(i) * chunk_size;
    const size_t len = std::min<size_t>(chunk_size, data.size() - off);
    append_block(out, address + uint32_t(off), data.subspan(off, len), i, blocks, opts);
  }
  return Status::Ok();
}

}  // namespace esptool::image
