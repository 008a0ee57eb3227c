// esptool v4.8.1's image_info wording, line for line (image-format.md §6.1, §6.2). Python format
// specs are spelled out where they differ from printf: {:#02x} counts "0x" in its width.
#include <algorithm>

#include "core/image/app_description.h"
#include "core/image/image_info.h"

namespace esptool::image {
namespace {

std::string py_hash_hex(unsigned v, int width) {  // Python "{:#0Nx}"
  std::string digits = strprintf("%x", v);
  const int pad = width - 2 - int(digits.size());
  return "0x" + std::string(pad > 0 ? pad : 0, '0') + digits;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::string heading_chip(const ImageInfo& info, const ImageInfoOptions& opts) {
  // args.chip.upper(): the CHIP_NAME after auto-detection, the typed key otherwise.
  std::string s = info.chip_detected ? std::string(info.image.chip->name) : opts.chip;
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::toupper(c)); });
  return s;
}

void title(std::vector<std::string>& out, const std::string& t) {
  out.push_back(t);
  out.push_back(std::string(t.size(), '='));
}

std::string checksum_line(const ParsedImage& img, bool v2) {
  const std::string stored = v2 ? py_hash_hex(img.stored_checksum, 2)
                                : strprintf("%02x", img.stored_checksum);
  const std::string verdict = img.checksum_valid()
                                  ? "valid"
                                  : strprintf("invalid - calculated %02x", img.calculated_checksum);
  return "Checksum: " + stored + " (" + verdict + ")";
}

void hash_line(std::vector<std::string>& out, const ParsedImage& img, const char* label) {
  if (!img.extended || img.extended->append_digest != 1) return;
  out.push_back(strprintf("%s: %s (%s)", label, to_hex(img.calculated_sha256).c_str(),
                          img.sha256_valid() ? "valid" : "invalid"));
}

void render_v1(std::vector<std::string>& out, const ParsedImage& img) {
  out.push_back(strprintf("Image version: %d", img.image_version));
  out.push_back(img.entry ? strprintf("Entry point: %8x", img.entry) : "Entry point not set");
  out.push_back(strprintf("%zu segments", img.segments.size()));
  out.push_back("");
  for (size_t i = 0; i < img.segments.size(); ++i) {
    const Segment& s = img.segments[i];
    out.push_back(strprintf("Segment %zu: len 0x%05zx load 0x%08x file_offs 0x%08x [%s]", i + 1,
                            s.data.size(), s.address, s.file_offset,
                            join(img.chip->memory_names(s.address), ",").c_str()));
  }
  out.push_back(checksum_line(img, false));
  hash_line(out, img, "Validation Hash");
}

void render_header_v2(std::vector<std::string>& out, const ParsedImage& img, const std::string& chip) {
  out.push_back("");
  title(out, chip + " image header");
  out.push_back(strprintf("Image version: %d", img.image_version));
  out.push_back(img.entry ? "Entry point: " + strprintf("%8s", py_hash_hex(img.entry, 0).c_str())
                          : "Entry point not set");
  out.push_back(strprintf("Segments: %zu", img.segments.size()));
  const uint8_t size_bits = img.flash_size_freq & 0xF0, freq_bits = img.flash_size_freq & 0x0F;
  const char* size = img.chip->flash_size_name(size_bits);
  out.push_back(size ? strprintf("Flash size: %s", size)
                     : "WARNING: Invalid flash size (" + py_hash_hex(size_bits, 2) + ")");
  const char* freq = img.chip->flash_freq_name(freq_bits);
  out.push_back(freq ? strprintf("Flash freq: %s", freq)
                     : "WARNING: Invalid flash frequency (" + py_hash_hex(freq_bits, 2) + ")");
  const char* mode = chips::flash_mode_name(img.flash_mode);
  out.push_back(mode ? strprintf("Flash mode: %s", mode)
                     : strprintf("WARNING: Invalid flash mode (%u)", img.flash_mode));
}

void render_extended_v2(std::vector<std::string>& out, const ExtendedHeader& x, const std::string& chip) {
  out.push_back("");
  title(out, chip + " extended image header");
  out.push_back("WP pin: " + py_hash_hex(x.wp_pin, 2) + (x.wp_pin == 0xEE ? " (disabled)" : ""));
  out.push_back(strprintf("Flash pins drive settings: clk_drv: %s, q_drv: %s, d_drv: %s, "
                          "cs0_drv: %s, hd_drv: %s, wp_drv: %s",
                          py_hash_hex(x.clk_drv, 2).c_str(), py_hash_hex(x.q_drv, 2).c_str(),
                          py_hash_hex(x.d_drv, 2).c_str(), py_hash_hex(x.cs_drv, 2).c_str(),
                          py_hash_hex(x.hd_drv, 2).c_str(), py_hash_hex(x.wp_drv, 2).c_str()));
  const chips::ChipInfo* owner = nullptr;
  for (const chips::ChipInfo* c : chips::all_chips())
    if (c->image_chip_id && *c->image_chip_id == x.chip_id && !owner) owner = c;
  out.push_back(strprintf("Chip ID: %u (%s)", x.chip_id, owner ? owner->name : "Unknown ID"));
  out.push_back(strprintf("Minimal chip revision: v%u.%u, (legacy min_rev = %u)",
                          x.min_rev_full / 100, x.min_rev_full % 100, x.min_rev));
  out.push_back(strprintf("Maximal chip revision: v%u.%u", x.max_rev_full / 100, x.max_rev_full % 100));
}

void render_segments_v2(std::vector<std::string>& out, const ParsedImage& img) {
  out.push_back("");
  title(out, "Segments information");
  out.push_back("Segment   Length   Load addr   File offs  Memory types");
  out.push_back("-------  -------  ----------  ----------  ------------");
  for (size_t i = 0; i < img.segments.size(); ++i) {
    const Segment& s = img.segments[i];
    out.push_back(strprintf("%7zu  %s  %s  %s  %s", i, py_hash_hex(unsigned(s.data.size()), 7).c_str(),
                            py_hash_hex(s.address, 10).c_str(), py_hash_hex(s.file_offset, 10).c_str(),
                            join(img.chip->memory_names(s.address), ", ").c_str()));
  }
  out.push_back("");
}

void render_descriptions_v2(std::vector<std::string>& out, const ParsedImage& img) {
  const DescriptionSources src = find_description_segments(img);
  if (src.app) {
    const auto a = read_app_description(src.app->data, true);
    if (!a) return;
    out.push_back("");
    title(out, "Application information");
    out.push_back("Project name: " + a->project_name);
    out.push_back("App version: " + a->version);
    out.push_back("Compile time: " + a->date + " " + a->time);
    out.push_back("ELF file SHA256: " + to_hex(a->app_elf_sha256));
    out.push_back("ESP-IDF: " + a->idf_ver);
    out.push_back(strprintf("Secure version: %u", a->secure_version));
  } else if (src.bootloader) {
    const auto b = read_bootloader_description(src.bootloader->data, true);
    if (!b) return;
    out.push_back("");
    title(out, "Bootloader information");
    out.push_back(strprintf("Bootloader version: %u", b->version));
    out.push_back("ESP-IDF: " + b->idf_ver);
    out.push_back("Compile time: " + b->date_time);
  }
}

}  // namespace

std::vector<std::string> render_image_info(const ImageInfo& info, const ImageInfoOptions& opts) {
  std::vector<std::string> out;
  out.push_back(strprintf("File size: %u (bytes)", info.file_size));
  const std::string chip = heading_chip(info, opts);
  if (info.chip_detected) out.push_back("Detected image type: " + chip);
  const ParsedImage& img = info.image;
  for (const std::string& w : img.warnings) out.push_back(w);
  if (opts.version != 2) {
    render_v1(out, img);
    return out;
  }
  render_header_v2(out, img, chip);
  if (img.extended) render_extended_v2(out, *img.extended, chip);
  render_segments_v2(out, img);
  title(out, chip + " image footer");
  out.push_back(checksum_line(img, true));
  hash_line(out, img, "Validation hash");
  render_descriptions_v2(out, img);
  return out;
}

}  // namespace esptool::image
