// elf2image orchestration (cmds.py elf2image@v4.8.1): option checks, segment list, merge, then
// one of the writers. Messages keep esptool's words; the order of checks keeps its errors.
#include "core/image/elf2image.h"

#include <algorithm>

#include "core/chips/chip.h"
#include "core/image/elf.h"
#include "core/image/esp32_image_save.h"
#include "core/image/esp8266_image_save.h"
#include "core/image/file_names.h"
#include "core/image/segment_merge.h"
#include "core/util/sha256.h"

namespace esptool::image {
namespace {

struct Plan {
  const chips::ChipInfo* chip = nullptr;   // the target (--chip)
  const chips::ChipInfo* tables = nullptr; // ROM_LOADER of the image class (size/freq/memory map)
  bool esp32_family = false;
  int esp8266_version = 1;
  uint32_t irom_align = 0x10000;
};

Result<Plan> make_plan(const Elf2ImageOptions& o, std::vector<std::string>& lines) {
  Plan p;
  const std::string key = o.chip == "auto" ? "esp8266" : o.chip;
  p.chip = chips::find_chip(key);
  if (p.chip == nullptr) {
    return make_error(Errc::kUnknownChip, strprintf("Unknown chip '%s'; choose from %s", key.c_str(),
                                                    chips::chip_choices().c_str()));
  }
  p.esp32_family = !p.chip->is_esp8266;
  p.esp8266_version = o.version;
  if (!p.esp32_family && (o.version < 1 || o.version > 3)) {
    return make_error(Errc::kBadArgument, strprintf("Unknown image version %d (choose 1, 2 or 3)", o.version));
  }
  // The ESP8266 v3 image class inherits ESP32FirmwareImage and with it ESP32's tables.
  p.tables = (!p.esp32_family && o.version == 3) ? chips::find_chip("esp32") : p.chip;
  if (o.flash_mmu_page_size) {
    const auto& sizes = p.tables->mmu_page_sizes;
    if (sizes.size() == 0) {
      lines.push_back(strprintf("WARNING: Changing MMU page size is not supported on %s! "
                                "Defaulting to 64KB.",
                                p.tables->name));
    } else if (std::find(sizes.begin(), sizes.end(), *o.flash_mmu_page_size) == sizes.end()) {
      return make_error(Errc::kBadArgument,
                        strprintf("%u bytes is not a valid %s page size, select from %s.",
                                  *o.flash_mmu_page_size, p.tables->mmu_page_class,
                                  sizes.size() == 3 ? "64KB, 32KB, 16KB" : "64KB, 32KB, 16KB, 8KB"));
    } else {
      p.irom_align = *o.flash_mmu_page_size;
    }
  }
  return p;
}

Result<uint8_t> flash_size_freq(const chips::ChipInfo& t, const Elf2ImageOptions& o) {
  auto size = t.flash_size_code(o.flash_size);
  if (!size) {
    std::string all;
    for (const auto& e : t.flash_sizes) all += (all.empty() ? "" : ", ") + std::string(e.name);
    return make_error(Errc::kBadArgument,
                      strprintf("Flash size '%s' is not supported by this chip type. Supported "
                                "sizes: %s",
                                o.flash_size.c_str(), all.c_str()));
  }
  uint8_t freq = 0;  // the encoding of the default frequency is always 0 (loader.py)
  if (o.flash_freq) {
    auto code = t.flash_freq_code(*o.flash_freq);
    if (!code) {
      std::string all;
      for (const auto& e : t.flash_freqs) all += (all.empty() ? "" : ", ") + std::string(e.name);
      return make_error(Errc::kBadArgument,
                        strprintf("Flash frequency '%s' is not supported by this chip type. "
                                  "Supported frequencies: %s",
                                  o.flash_freq->c_str(), all.c_str()));
    }
    freq = *code;
  }
  return uint8_t(*size + freq);
}

std::vector<Segment> to_segments(const std::vector<ElfChunk>& chunks) {
  std::vector<Segment> out;
  for (const ElfChunk& c : chunks) {
    Segment s;
    s.address = c.address;
    // Room for the word padding and for the tail padding an image save may add (at most 0x24
    // bytes, pad_flash_tail), so neither reallocates a 4 MB segment.
    s.data.reserve(align_up(uint32_t(c.data.size()), 4) + 0x24);
    append(s.data, c.data);
    s.data.resize(align_up(uint32_t(s.data.size()), 4), 0);  // ImageSegment pads non-zero addrs
    s.name = c.name;
    s.flags = c.flags;
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<OutputFile>> save_esp32_family(std::vector<Segment> segs, const Plan& p,
                                                  const Elf2ImageOptions& o, uint8_t mode,
                                                  uint8_t size_freq, uint32_t entry,
                                                  std::optional<ElfDigestPatch> digest) {
  Esp32ImageLayout l;
  l.chip = p.chip;
  l.flash_mode = mode;
  l.flash_size_freq = size_freq;
  l.entry = entry;
  l.extended.min_rev = o.min_rev;
  l.extended.min_rev_full = o.min_rev_full;
  l.extended.max_rev_full = o.max_rev_full;
  l.extended.append_digest = (o.ram_only_header || o.dont_append_digest) ? 0 : 1;
  l.irom_align = p.irom_align;
  if (o.secure_pad && std::string(p.chip->key) == "esp32") l.secure_pad = 1;  // v1 is ESP32-only
  if (o.secure_pad_v2) l.secure_pad = 2;
  l.ram_only_header = o.ram_only_header;
  l.pad_to_size = o.pad_to_size.value_or(0);
  l.elf_digest = std::move(digest);
  ESPT_ASSIGN(bytes, save_esp32_image(std::move(segs), l));
  const std::string name = o.output ? *o.output : path_without_extension(o.input_name) + ".bin";
  return std::vector<OutputFile>{{name, std::move(bytes)}};
}

Result<std::vector<OutputFile>> save_esp8266(const std::vector<Segment>& segs, const Plan& p,
                                             const Elf2ImageOptions& o, uint8_t mode,
                                             uint8_t size_freq, uint32_t entry,
                                             std::optional<ElfDigestPatch> digest) {
  if (p.esp8266_version == 1) {
    Esp8266Header h{mode, size_freq, entry, std::move(digest)};
    return save_esp8266_v1(segs, h, o.output ? *o.output : o.input_name + "-");
  }
  if (p.esp8266_version == 2) {
    Esp8266Header h{mode, size_freq, entry, std::move(digest)};
    ESPT_ASSIGN(irom_check, find_irom_segment(segs));
    (void)irom_check;
    const std::string name = o.output ? *o.output : esp8266_v2_default_name(segs, o.input_name);
    ESPT_ASSIGN(bytes, save_esp8266_v2(segs, h));
    return std::vector<OutputFile>{{name, std::move(bytes)}};
  }
  Esp32ImageLayout l;
  l.chip = p.tables;
  l.flash_mode = mode;
  l.flash_size_freq = size_freq;
  l.entry = entry;
  l.elf_digest = std::move(digest);
  ESPT_ASSIGN(bytes, save_esp8266_v3_image(segs, l));
  const std::string name = o.output ? *o.output : path_without_extension(o.input_name) + ".bin";
  return std::vector<OutputFile>{{name, std::move(bytes)}};
}

}  // namespace

Result<CommandOutput> elf2image(std::span<const uint8_t> elf_bytes, const Elf2ImageOptions& o) {
  ESPT_ASSIGN(elf, parse_elf(elf_bytes));
  CommandOutput out;
  out.lines = elf.warnings;
  const std::string chip_arg = o.chip == "auto" ? "esp8266" : o.chip;
  out.lines.push_back("Creating " + chip_arg + " image...");
  ESPT_ASSIGN(plan, make_plan(o, out.lines));
  auto mode = chips::flash_mode_code(o.flash_mode);
  if (!mode) {
    return make_error(Errc::kBadArgument,
                      strprintf("Unknown flash mode '%s' (choose from qio, qout, dio, dout)",
                                o.flash_mode.c_str()));
  }
  std::vector<Segment> segs = to_segments(o.use_segments ? elf.segments : elf.sections);
  ESPT_ASSIGN(size_freq, flash_size_freq(*plan.tables, o));
  std::optional<ElfDigestPatch> digest;
  if (o.elf_sha256_offset && *o.elf_sha256_offset != 0) {
    // Hashed only when asked for, as esptool's ELFFile.sha256() is: hashing a 4 MB ELF was about
    // a fifth of a wasm CLI elf2image.
    digest = ElfDigestPatch{*o.elf_sha256_offset, util::sha256(elf_bytes)};
  }
  if (o.ram_only_header) {
    out.lines.push_back("Image has only RAM segments visible. ROM segments are hidden and SHA256 "
                        "digest is not appended.");
    std::stable_sort(segs.begin(), segs.end(),
                     [](const Segment& a, const Segment& b) { return a.address < b.address; });
  }
  const size_t before = segs.size();
  merge_adjacent_segments(segs, *plan.tables);
  if (segs.size() != before) {
    const size_t delta = before - segs.size();
    out.lines.push_back(strprintf("Merged %zu ELF section%s", delta, delta > 1 ? "s" : ""));
  }
  if (segs.size() > kMaxSegments) {
    return make_error(Errc::kInvalidElf,
                      strprintf("Invalid segment count %zu (max 16). Usually this indicates a "
                                "linker script problem.",
                                segs.size()));
  }
  ESPT_ASSIGN(files,
              plan.esp32_family
                  ? save_esp32_family(std::move(segs), plan, o, *mode, size_freq, elf.entry, digest)
                  : save_esp8266(segs, plan, o, *mode, size_freq, elf.entry, digest));
  out.files = std::move(files);
  out.lines.push_back("Successfully created " + chip_arg + " image.");
  return out;
}

}  // namespace esptool::image
