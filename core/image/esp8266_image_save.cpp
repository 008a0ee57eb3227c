#include "core/image/esp8266_image_save.h"

#include <zlib.h>

#include "core/image/file_names.h"

namespace esptool::image {
namespace {

constexpr uint32_t kIromMapStart = 0x40200000;  // esptool/targets/esp8266.py IROM_MAP_START
constexpr uint32_t kIromMapEnd = 0x40300000;
constexpr uint8_t kV2SegmentCount = 4;

bool is_irom(uint32_t a) { return a >= kIromMapStart && a < kIromMapEnd; }

std::vector<const Segment*> non_irom(const std::vector<Segment>& segments, const Segment* irom) {
  std::vector<const Segment*> out;
  for (const Segment& s : segments)
    if (&s != irom) out.push_back(&s);
  return out;
}

void write_header(Bytes& out, uint8_t magic, uint8_t count, const Esp8266Header& h) {
  out.push_back(magic);
  out.push_back(count);
  out.push_back(h.flash_mode);
  out.push_back(h.flash_size_freq);
  append_le32(out, h.entry);
}

Status write_loadable(ImageWriter& w, const std::vector<const Segment*>& segs,
                      const Esp8266Header& h) {
  write_header(w.bytes(), kImageMagic, uint8_t(segs.size()), h);
  for (const Segment* s : segs) ESPT_TRY(w.write_segment(s->address, s->data, true));
  w.write_checksum_footer();
  return Status::Ok();
}

// bin_image.py esp8266_crc32: zlib CRC-32, then a quirk of the SDK bootloader's check.
uint32_t esp8266_crc32(const Bytes& data) {
  uint32_t crc = uint32_t(crc32(0L, data.data(), uInt(data.size())));
  return (crc & 0x80000000u) ? (crc ^ 0xFFFFFFFFu) : (crc + 1);
}

}  // namespace

Result<const Segment*> find_irom_segment(const std::vector<Segment>& segments) {
  const Segment* found = nullptr;
  size_t count = 0;
  for (const Segment& s : segments) {
    if (!is_irom(s.address)) continue;
    if (found == nullptr) found = &s;
    ++count;
  }
  if (count > 1) {
    return make_error(Errc::kInvalidElf,
                      strprintf("Found %zu segments that could be irom0. Bad ELF file?", count));
  }
  return found;
}

Result<std::vector<OutputFile>> save_esp8266_v1(const std::vector<Segment>& segments,
                                                const Esp8266Header& h, const std::string& prefix) {
  ESPT_ASSIGN(irom, find_irom_segment(segments));
  std::vector<OutputFile> files;
  if (irom != nullptr) {
    files.push_back({strprintf("%s0x%05x.bin", prefix.c_str(), irom->address - kIromMapStart),
                     irom->data});
  }
  ImageWriter w(h.elf_digest);
  ESPT_TRY(write_loadable(w, non_irom(segments, irom), h));
  files.push_back({prefix + "0x00000.bin", std::move(w.bytes())});
  return files;
}

Result<Bytes> save_esp8266_v2(const std::vector<Segment>& segments, const Esp8266Header& h) {
  ESPT_ASSIGN(irom, find_irom_segment(segments));
  ImageWriter w(h.elf_digest);
  write_header(w.bytes(), kEsp8266V2Magic, kV2SegmentCount, h);
  if (irom != nullptr) {
    Bytes data = irom->data;
    data.resize(align_up(uint32_t(data.size()), 16), 0);  // IROM must end on 16 bytes
    ESPT_TRY(w.write_segment(0, std::move(data), false));
  }
  ESPT_TRY(write_loadable(w, non_irom(segments, irom), h));
  Bytes out = std::move(w.bytes());
  append_le32(out, esp8266_crc32(out));
  return out;
}

std::string esp8266_v2_default_name(const std::vector<Segment>& segments,
                                    const std::string& input_name) {
  uint32_t irom_offset = 0;
  for (const Segment& s : segments)
    if (is_irom(s.address)) irom_offset = s.address - kIromMapStart;
  return strprintf("%s-0x%05x.bin", path_without_extension(input_name).c_str(),
                   irom_offset & ~0xFFFu);
}

}  // namespace esptool::image
