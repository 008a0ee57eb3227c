// Follows ESP32FirmwareImage.save@v4.8.1 step by step; the order of padding decisions is what
// makes the output byte-identical, so it is kept even where a simpler layout would also boot.
#include "core/image/esp32_image_save.h"

#include <algorithm>

#include "core/util/sha256.h"

namespace esptool::image {
namespace {

constexpr uint32_t kSegmentHeaderLen = 8;

void write_headers(Bytes& out, const Esp32ImageLayout& l, size_t segment_count) {
  out.push_back(kImageMagic);
  out.push_back(uint8_t(segment_count));  // patched once the real count is known
  out.push_back(l.flash_mode);
  out.push_back(l.flash_size_freq);
  append_le32(out, l.entry);
}

void write_extended_header(Bytes& out, const Esp32ImageLayout& l) {
  const ExtendedHeader& x = l.extended;
  out.push_back(x.wp_pin);
  out.push_back(uint8_t((x.clk_drv & 0xF) | ((x.q_drv & 0xF) << 4)));
  out.push_back(uint8_t((x.d_drv & 0xF) | ((x.cs_drv & 0xF) << 4)));
  out.push_back(uint8_t((x.hd_drv & 0xF) | ((x.wp_drv & 0xF) << 4)));
  append_le16(out, *l.chip->image_chip_id);
  out.push_back(x.min_rev);
  append_le16(out, x.min_rev_full);
  append_le16(out, x.max_rev_full);
  for (int i = 0; i < 4; ++i) out.push_back(0);
  out.push_back(x.append_digest);
}

void move_named_to_front(std::vector<Segment>& segs, const char* name) {
  auto it = std::find_if(segs.begin(), segs.end(), [&](const Segment& s) { return s.name == name; });
  if (it != segs.end()) std::rotate(segs.begin(), it, it + 1);
}

// Bytes of padding (incl. its own header) so the next segment's data lands on addr mod page.
uint32_t alignment_needed(uint32_t pos, uint32_t addr, uint32_t page) {
  const int64_t align_past = int64_t(addr % page) - kSegmentHeaderLen;
  int64_t pad = int64_t(page - pos % page) + align_past;
  if (pad == 0 || pad == page) return 0;
  pad -= kSegmentHeaderLen;
  if (pad < 0) pad += page;
  return uint32_t(pad);
}

Bytes pad_flash_tail(const Esp32ImageLayout& l, uint32_t pos, Bytes data) {
  if (!l.chip->pads_flash_segment_tail) return data;
  const uint32_t remainder = (pos + uint32_t(data.size()) + kSegmentHeaderLen) % l.irom_align;
  if (remainder < 0x24) data.resize(data.size() + (0x24 - remainder), 0);
  return data;
}

void split_by_kind(std::vector<Segment> segments, const chips::ChipInfo& chip,
                   std::vector<Segment>& flash, std::vector<Segment>& ram) {
  std::stable_sort(segments.begin(), segments.end(),
                   [](const Segment& a, const Segment& b) { return a.address < b.address; });
  for (Segment& s : segments)
    (chip.is_flash_address(s.address) ? flash : ram).push_back(std::move(s));
}

Status write_interleaved(ImageWriter& w, const Esp32ImageLayout& l, std::vector<Segment> flash,
                         std::vector<Segment> ram, uint32_t& total) {
  size_t next_flash = 0;
  while (next_flash < flash.size()) {
    Segment& seg = flash[next_flash];
    const uint32_t pad = alignment_needed(w.position(), seg.address, l.irom_align);
    if (pad == 0) {
      ESPT_TRY(
          w.write_segment(seg.address, pad_flash_tail(l, w.position(), std::move(seg.data)), true));
      ++next_flash;
    } else if (!ram.empty() && pad > kSegmentHeaderLen) {
      // Fill the gap with the start of the first RAM segment (ImageSegment.split_image).
      Segment& first = ram.front();
      const size_t take = std::min<size_t>(pad, first.data.size());
      Bytes head = copy_bytes(std::span<const uint8_t>(first.data).first(take));
      const uint32_t head_addr = first.address;
      first.data.erase(first.data.begin(), first.data.begin() + take);
      first.address += uint32_t(take);
      if (first.data.empty()) ram.erase(ram.begin());
      ESPT_TRY(w.write_segment(head_addr, std::move(head), true));
    } else {
      ESPT_TRY(w.write_segment(0, Bytes(pad, 0), true));
    }
    ++total;
  }
  for (Segment& seg : ram) {
    ESPT_TRY(w.write_segment(seg.address, std::move(seg.data), true));
    ++total;
  }
  return Status::Ok();
}

Status write_ram_only_header(ImageWriter& w, const Esp32ImageLayout& l, std::vector<Segment> flash,
                             const std::vector<Segment>& ram) {
  for (const Segment& seg : ram) ESPT_TRY(w.write_segment(seg.address, seg.data, true));
  w.write_checksum_footer();
  // Flash segments follow in reverse, invisible to the ROM: neither counted nor checksummed.
  std::reverse(flash.begin(), flash.end());
  const int64_t boot = l.chip->bootloader_offset;
  for (const Segment& seg : flash) {
    int64_t pad = alignment_needed(w.position(), seg.address, l.irom_align);
    if (pad < boot - int64_t(kSegmentHeaderLen)) pad += l.irom_align;
    pad -= boot;
    ESPT_TRY(w.write_segment(0, Bytes(size_t(pad), 0), false));
    ESPT_TRY(w.write_segment(seg.address, pad_flash_tail(l, w.position(), seg.data), false));
  }
  return Status::Ok();
}

Status write_secure_pad(ImageWriter& w, const Esp32ImageLayout& l, uint32_t& total) {
  if (l.extended.append_digest != 1) {
    return make_error(Errc::kBadArgument,
                      "secure_pad only applies if a SHA-256 digest is also appended to the image");
  }
  const uint32_t align_past = (w.position() + kSegmentHeaderLen) % l.irom_align;
  const uint32_t checksum_space = 16;
  // v1: digest + version + signature + 12 alignment bytes; v2: digest only.
  const uint32_t after_checksum = l.secure_pad == 1 ? 32 + 4 + 64 + 12 : 32;
  const int64_t raw = int64_t(l.irom_align) - align_past - checksum_space - after_checksum;
  const uint32_t pad = uint32_t(((raw % l.irom_align) + l.irom_align) % l.irom_align);
  ESPT_TRY(w.write_segment(0, Bytes(pad, 0), true));
  ++total;
  return Status::Ok();
}

void finish_digest_and_padding(Bytes& out, const Esp32ImageLayout& l, bool append_digest) {
  if (append_digest) {
    Bytes digest = util::sha256(out);
    append(out, digest);
  }
  if (l.pad_to_size != 0 && out.size() % l.pad_to_size != 0) {
    out.resize(out.size() + (l.pad_to_size - out.size() % l.pad_to_size), 0xFF);
  }
}

}  // namespace

Status check_flash_pages(const std::vector<Segment>& flash, uint32_t irom_align) {
  for (size_t i = 1; i < flash.size(); ++i) {
    if (flash[i].address / irom_align == flash[i - 1].address / irom_align) {
      return make_error(
          Errc::kInvalidImage,
          strprintf("Segment loaded at 0x%08x lands in same 64KB flash mapping as segment loaded "
                    "at 0x%08x. Can't generate binary. Suggest changing linker script or ELF to "
                    "merge sections.",
                    flash[i].address, flash[i - 1].address));
    }
  }
  return Status::Ok();
}

Result<Bytes> save_esp32_image(std::vector<Segment> segments, const Esp32ImageLayout& l) {
  ImageWriter w(l.elf_digest);
  // The image in one allocation: appended segment by segment, a 4 MB app was reallocated and
  // copied about twice. Room for each segment's header and alignment padding (an MMU page at
  // most) and for the digest; pages reserved and never written cost nothing.
  size_t expected = 64;
  for (const Segment& seg : segments) expected += seg.data.size() + 8 + l.irom_align;
  w.bytes().reserve(expected);
  write_headers(w.bytes(), l, segments.size());
  write_extended_header(w.bytes(), l);
  std::vector<Segment> flash, ram;
  split_by_kind(std::move(segments), *l.chip, flash, ram);
  move_named_to_front(flash, ".flash.appdesc");
  move_named_to_front(ram, ".dram0.bootdesc");
  ESPT_TRY(check_flash_pages(flash, l.irom_align));

  uint32_t total = 0;
  if (l.ram_only_header) {
    ESPT_TRY(write_ram_only_header(w, l, flash, ram));
  } else {
    ESPT_TRY(write_interleaved(w, l, std::move(flash), ram, total));
  }
  if (l.secure_pad != 0) ESPT_TRY(write_secure_pad(w, l, total));
  if (!l.ram_only_header) w.write_checksum_footer();
  Bytes& out = w.bytes();
  out[1] = uint8_t(l.ram_only_header ? ram.size() : total);
  finish_digest_and_padding(out, l, l.extended.append_digest == 1);
  return std::move(out);
}

Result<Bytes> save_esp8266_v3_image(const std::vector<Segment>& segments,
                                    const Esp32ImageLayout& l) {
  ImageWriter w(l.elf_digest);
  write_headers(w.bytes(), l, segments.size());
  std::vector<Segment> sorted = segments;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Segment& a, const Segment& b) { return a.address < b.address; });
  std::vector<Segment> flash, ram;
  for (Segment& s : sorted) {
    if (s.data.empty()) continue;
    (s.address > 0x40200000 ? flash : ram).push_back(std::move(s));  // ESP8266 IROM_MAP_START
  }
  ESPT_TRY(check_flash_pages(flash, l.irom_align));
  uint32_t total = 0;
  for (Segment& seg : flash) {
    // The RTOS SDK linker script reserves 8 bytes at the start of .flash.rodata for this header.
    if (seg.name == ".flash.rodata") seg.data.erase(seg.data.begin(), seg.data.begin() + std::min<size_t>(8, seg.data.size()));
    ESPT_TRY(w.write_segment(seg.address, std::move(seg.data), true));
    ++total;
  }
  for (Segment& seg : ram) {
    ESPT_TRY(w.write_segment(seg.address, std::move(seg.data), true));
    ++total;
  }
  w.write_checksum_footer();
  Bytes& out = w.bytes();
  out[1] = uint8_t(total);
  Esp32ImageLayout no_pad = l;
  no_pad.pad_to_size = 0;  // the v3 writer ignores --pad-to-size
  finish_digest_and_padding(out, no_pad, true);
  return std::move(out);
}

}  // namespace esptool::image
