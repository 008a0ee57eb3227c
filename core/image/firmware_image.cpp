// Image loading per esptool/bin_image.py@v4.8.1 (ESP8266ROMFirmwareImage, ESP8266V2FirmwareImage,
// ESP32FirmwareImage load paths): same fields, same printed warnings, errors on truncation.
#include "core/image/firmware_image.h"

#include "core/util/sha256.h"

namespace esptool::image {
namespace {

constexpr uint32_t kEsp8266V2SegmentCount = 4;  // "segment count" byte of the first v2 header

Error image_error(std::string what) { return make_error(Errc::kInvalidImage, std::move(what)); }

struct Cursor {
  std::span<const uint8_t> bytes;
  ParseDepth depth = ParseDepth::kFull;
  size_t pos = 0;
  bool has(size_t n) const { return n <= bytes.size() - pos; }
};

struct CommonHeader {
  uint8_t magic, segments, mode, size_freq;
  uint32_t entry;
};

Result<CommonHeader> read_common_header(Cursor& c, uint8_t expected_magic) {
  if (!c.has(8)) return image_error("The image is too short to hold its 8-byte header");
  const uint8_t* p = c.bytes.data() + c.pos;
  CommonHeader h{p[0], p[1], p[2], p[3], read_le32(p + 4)};
  if (h.magic != expected_magic) {
    return image_error(strprintf("Invalid firmware image magic=0x%x", h.magic));
  }
  c.pos += 8;
  return h;
}

void warn_if_unusual_segment(const ParsedImage& img, uint32_t addr, uint32_t size) {
  // Only the ESP8266 classes warn (ESP32FirmwareImage overrides this with a no-op).
  if (!img.chip->is_esp8266) return;
  if (addr > 0x40200000 || addr < 0x3FFE0000 || size > 65536) {
    const_cast<ParsedImage&>(img).warnings.push_back(
        strprintf("WARNING: Suspicious segment 0x%x, length %u", addr, size));
  }
}

Result<Segment> read_segment(Cursor& c, ParsedImage& img, bool is_irom) {
  if (!c.has(8)) {
    return image_error(strprintf("End of file reading segment header at 0x%zx", c.pos));
  }
  Segment s;
  s.file_offset = uint32_t(c.pos);
  const uint8_t* p = c.bytes.data() + c.pos;
  s.address = read_le32(p);
  const uint32_t size = read_le32(p + 4);
  c.pos += 8;
  if (!is_irom) warn_if_unusual_segment(img, s.address, size);
  if (!c.has(size)) {
    return image_error(strprintf("End of file reading segment 0x%x, length %u (actual length %zu)",
                                 s.address, size, c.bytes.size() - c.pos));
  }
  if (c.depth == ParseDepth::kFull) s.data = copy_bytes(c.bytes.subspan(c.pos, size));
  c.pos += size;
  return s;
}

Status read_segments(Cursor& c, ParsedImage& img, uint32_t count) {
  for (uint32_t i = 0; i < count; ++i) {
    ESPT_ASSIGN(seg, read_segment(c, img, false));
    img.segments.push_back(std::move(seg));
  }
  return Status::Ok();
}

Status read_checksum(Cursor& c, ParsedImage& img) {
  c.pos += 15 - (c.pos % 16);  // bin_image.py align_file_position(f, 16)
  if (c.pos >= c.bytes.size()) return image_error("End of file reading the image checksum");
  img.stored_checksum = c.bytes[c.pos++];
  img.data_length = uint32_t(c.pos);
  if (c.depth == ParseDepth::kLayout) return Status::Ok();
  uint8_t sum = kChecksumSeed;
  for (const Segment& s : img.segments)
    if (s.include_in_checksum) sum = checksum_update(sum, s.data);
  img.calculated_checksum = sum;
  return Status::Ok();
}

Status verify_segment_count(const ParsedImage& img) {
  if (img.segments.size() > kMaxSegments) {
    return image_error(strprintf("Invalid segment count %zu (max 16). Usually this indicates a "
                                 "linker script problem.",
                                 img.segments.size()));
  }
  return Status::Ok();
}

Status read_extended_header(Cursor& c, ParsedImage& img) {
  if (!c.has(16)) return image_error("The image is too short to hold its 16-byte extended header");
  const uint8_t* p = c.bytes.data() + c.pos;
  ExtendedHeader x;
  x.wp_pin = p[0];
  x.clk_drv = p[1] & 0xF;
  x.q_drv = p[1] >> 4;
  x.d_drv = p[2] & 0xF;
  x.cs_drv = p[2] >> 4;
  x.hd_drv = p[3] & 0xF;
  x.wp_drv = p[3] >> 4;
  x.chip_id = read_le16(p + 4);
  x.min_rev = p[6];
  x.min_rev_full = read_le16(p + 7);
  x.max_rev_full = read_le16(p + 9);
  x.append_digest = p[15];
  c.pos += 16;
  if (x.chip_id != *img.chip->image_chip_id) {
    img.warnings.push_back(strprintf("Unexpected chip id in image. Expected %u but value was %u. "
                                     "Is this image for a different chip model?",
                                     unsigned(*img.chip->image_chip_id), unsigned(x.chip_id)));
  }
  if (x.append_digest > 1) {
    return image_error(strprintf("Invalid value for append_digest field (0x%02x). Should be 0 or 1.",
                                 x.append_digest));
  }
  img.extended = x;
  return Status::Ok();
}

Result<ParsedImage> parse_esp32(Cursor& c, ParsedImage img) {
  ESPT_ASSIGN(h, read_common_header(c, kImageMagic));
  img.flash_mode = h.mode;
  img.flash_size_freq = h.size_freq;
  img.entry = h.entry;
  ESPT_TRY(read_extended_header(c, img));
  ESPT_TRY(read_segments(c, img, h.segments));
  ESPT_TRY(read_checksum(c, img));
  if (c.depth == ParseDepth::kFull) {
    img.calculated_sha256 = util::sha256(c.bytes.subspan(0, img.data_length));
  }
  if (img.extended->append_digest == 1) {
    const size_t n = std::min<size_t>(32, c.bytes.size() - c.pos);
    img.stored_sha256 = copy_bytes(c.bytes.subspan(c.pos, n));
  }
  ESPT_TRY(verify_segment_count(img));
  return img;
}

Result<ParsedImage> parse_esp8266_v1(Cursor& c, ParsedImage img) {
  ESPT_ASSIGN(h, read_common_header(c, kImageMagic));
  img.flash_mode = h.mode;
  img.flash_size_freq = h.size_freq;
  img.entry = h.entry;
  ESPT_TRY(read_segments(c, img, h.segments));
  ESPT_TRY(read_checksum(c, img));
  ESPT_TRY(verify_segment_count(img));
  return img;
}

Result<ParsedImage> parse_esp8266_v2(Cursor& c, ParsedImage img) {
  img.image_version = 2;
  ESPT_ASSIGN(first, read_common_header(c, kEsp8266V2Magic));
  if (first.segments != kEsp8266V2SegmentCount) {
    img.warnings.push_back(strprintf(
        "Warning: V2 header has unexpected \"segment\" count %u (usually 4)", first.segments));
  }
  ESPT_ASSIGN(irom, read_segment(c, img, true));
  irom.address = 0;
  irom.include_in_checksum = false;
  img.segments.push_back(std::move(irom));
  ESPT_ASSIGN(second, read_common_header(c, kImageMagic));
  if (first.mode != second.mode) {
    img.warnings.push_back(strprintf("WARNING: Flash mode value in first header (0x%02x) disagrees "
                                     "with second (0x%02x). Using second value.",
                                     first.mode, second.mode));
  }
  if (first.size_freq != second.size_freq) {
    img.warnings.push_back(
        strprintf("WARNING: Flash size/freq value in first header (0x%02x) disagrees with second "
                  "(0x%02x). Using second value.",
                  first.size_freq, second.size_freq));
  }
  if (first.entry != second.entry) {
    img.warnings.push_back(
        strprintf("WARNING: Entrypoint address in first header (0x%08x) disagrees with second "
                  "header (0x%08x). Using second value.",
                  first.entry, second.entry));
  }
  img.flash_mode = second.mode;
  img.flash_size_freq = second.size_freq;
  img.entry = second.entry;
  ESPT_TRY(read_segments(c, img, second.segments));
  ESPT_TRY(read_checksum(c, img));
  ESPT_TRY(verify_segment_count(img));
  return img;
}

}  // namespace

uint8_t checksum_update(uint8_t state, std::span<const uint8_t> data) {
  for (uint8_t b : data) state ^= b;
  return state;
}

void append_checksum_footer(Bytes& out, uint8_t checksum) {
  out.resize(out.size() + (15 - out.size() % 16), 0);
  out.push_back(checksum);
}

uint32_t append_segment(Bytes& out, uint32_t address, std::span<const uint8_t> data) {
  const uint32_t at = uint32_t(out.size());
  append_le32(out, address);
  append_le32(out, uint32_t(data.size()));
  append(out, data);
  return at;
}

Result<ParsedImage> parse_image(std::span<const uint8_t> bytes, const chips::ChipInfo& chip,
                                ParseDepth depth) {
  if (bytes.empty()) return image_error("File is empty");
  ParsedImage img;
  img.chip = &chip;
  Cursor c{bytes, depth};
  if (!chip.is_esp8266) return parse_esp32(c, std::move(img));
  if (bytes[0] == kImageMagic) return parse_esp8266_v1(c, std::move(img));
  if (bytes[0] == kEsp8266V2Magic) return parse_esp8266_v2(c, std::move(img));
  return image_error(strprintf("Invalid image magic number: %d", bytes[0]));
}

const chips::ChipInfo& detect_image_chip(std::span<const uint8_t> bytes) {
  // cmds.py image_info: byte 23 must be 0/1, then byte 12 (one byte only) names the chip.
  const chips::ChipInfo* esp8266 = chips::find_chip("esp8266");
  if (bytes.size() < 24 || bytes[23] > 1) return *esp8266;
  const chips::ChipInfo* chip = chips::find_chip_by_image_id(bytes[12]);
  return chip ? *chip : *esp8266;
}

}  // namespace esptool::image
