// See image_writer.h. Layouts: image-format.md §1 (header, checksum footer) and §3 (extended
// header, appended SHA-256).
#include "tests/support/image_writer.h"

#include "tests/support/ref_sha256.h"

namespace esptool::testing {

Bytes ram_image(const RamImageSpec& spec) {
  Bytes out = {0xE9, uint8_t(spec.segments.size()), spec.flash_mode, spec.flash_size_freq};
  append_le32(out, spec.entry);
  out.insert(out.end(), {0xEE, 0, 0, 0});
  append_le16(out, spec.chip_id);
  out.push_back(0);          // min_rev (legacy)
  append_le16(out, 0);       // min_rev_full
  append_le16(out, 0xFFFF);  // max_rev_full: not set
  out.insert(out.end(), {0, 0, 0, 0});
  out.push_back(spec.append_digest ? 1 : 0);
  uint8_t checksum = 0xEF;
  for (const RamSegment& s : spec.segments) {
    Bytes data = s.data;
    while (data.size() % 4) data.push_back(0);
    append_le32(out, s.addr);
    append_le32(out, uint32_t(data.size()));
    for (uint8_t b : data) checksum ^= b;
    append(out, data);
  }
  while (out.size() % 16 != 15) out.push_back(0);
  out.push_back(checksum);
  if (spec.append_digest) append(out, ref_sha256(out));
  return out;
}

std::string intel_hex(uint32_t addr, const Bytes& data) {
  std::string out;
  auto record = [&out](uint16_t offset, uint8_t type, const uint8_t* p, size_t n) {
    uint8_t sum = uint8_t(n) + uint8_t(offset >> 8) + uint8_t(offset) + type;
    out += strprintf(":%02X%04X%02X", unsigned(n), unsigned(offset), unsigned(type));
    for (size_t i = 0; i < n; ++i) {
      out += strprintf("%02X", unsigned(p[i]));
      sum += p[i];
    }
    out += strprintf("%02X\n", unsigned(uint8_t(-sum)));
  };
  uint32_t region = 0xFFFFFFFF;
  size_t i = 0;
  while (i < data.size()) {
    const uint32_t a = addr + uint32_t(i);
    if ((a >> 16) != region) {
      region = a >> 16;
      const uint8_t upper[2] = {uint8_t(region >> 8), uint8_t(region)};
      record(0, 4, upper, 2);
    }
    size_t n = data.size() - i < 16 ? data.size() - i : 16;
    const uint32_t to_boundary = 0x10000 - (a & 0xFFFF);
    if (n > to_boundary) n = to_boundary;
    record(uint16_t(a), 0, data.data() + i, n);
    i += n;
  }
  record(0, 1, nullptr, 0);
  return out;
}

}  // namespace esptool::testing
