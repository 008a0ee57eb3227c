// libFuzzer target: merge_bin's UF2 writer on arbitrary files and options. UF2 is output only in
// our tools (nothing reads UF2 from outside), so this is a property fuzzer: any address, payload
// size, MD5 choice and contents either fail with an error or give blocks that a reader written
// here from the format (image-format.md §7) takes back to the same bytes at the same addresses.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>

#include "core/image/uf2.h"

namespace {

uint32_t le32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 10) return 0;
  // The first bytes choose the options, the rest is the file.
  esptool::image::Uf2Options opts;
  opts.family_id = le32(data);
  const uint32_t address = le32(data + 4);
  opts.md5 = (data[8] & 1) != 0;
  if (data[8] & 2) opts.chunk_size = uint32_t(data[9]) * 4 - (data[8] & 4 ? 1 : 0);
  const std::span<const uint8_t> file(data + 10, size - 10);

  esptool::Bytes out;
  const auto status = esptool::image::uf2_append_file(out, address, file, opts);
  if (!status.ok()) {
    require(out.empty());  // a refused file adds nothing
    return 0;
  }
  require(out.size() % esptool::image::kUf2BlockSize == 0);
  const size_t blocks = out.size() / esptool::image::kUf2BlockSize;
  require(file.empty() == (blocks == 0));
  size_t taken = 0;
  for (size_t i = 0; i < blocks; ++i) {
    const uint8_t* b = out.data() + i * esptool::image::kUf2BlockSize;
    require(le32(b) == 0x0A324655 && le32(b + 4) == 0x9E5D5157 && le32(b + 508) == 0x0AB16F30);
    const uint32_t flags = le32(b + 8);
    const uint32_t target = le32(b + 12);
    const uint32_t length = le32(b + 16);
    require(le32(b + 20) == i && le32(b + 24) == blocks);
    require((flags & 0x2000) != 0 && le32(b + 28) == opts.family_id);  // family id present
    require(((flags & 0x4000) != 0) == opts.md5);
    require(length > 0 && length <= esptool::image::kUf2DataSize);
    if (opts.md5) {  // the trailer right after the data: this chunk's address and length
      require(length + esptool::image::kUf2Md5PartSize <= esptool::image::kUf2DataSize);
      require(le32(b + 32 + length) == target && le32(b + 36 + length) == length);
    }
    require(target == uint32_t(address + taken));
    require(taken + length <= file.size());
    require(std::memcmp(b + 32, file.data() + taken, length) == 0);
    taken += length;
  }
  require(taken == file.size());
  return 0;
}
