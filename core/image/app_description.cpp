#include "core/image/app_description.h"

#include <algorithm>

namespace esptool::image {
namespace {

constexpr uint32_t kAppDescMagic = 0xABCD5432;
constexpr uint8_t kBootloaderDescMagic = 0x50;
constexpr size_t kAppDescLen = 256;
constexpr size_t kBootloaderDescLen = 80;

std::string text_field(std::span<const uint8_t> d, size_t off, size_t len, bool raw) {
  const char* p = reinterpret_cast<const char*>(d.data() + off);
  if (raw) return std::string(p, len);
  return std::string(p, std::find(p, p + len, '\0'));
}

}  // namespace

std::optional<AppDescription> read_app_description(std::span<const uint8_t> d, bool raw) {
  if (d.size() < kAppDescLen || read_le32(d.data()) != kAppDescMagic) return std::nullopt;
  AppDescription a;
  a.secure_version = read_le32(d.data() + 4);
  a.version = text_field(d, 16, 32, raw);
  a.project_name = text_field(d, 48, 32, raw);
  a.time = text_field(d, 80, 16, raw);
  a.date = text_field(d, 96, 16, raw);
  a.idf_ver = text_field(d, 112, 32, raw);
  a.app_elf_sha256.assign(d.begin() + 144, d.begin() + 176);
  return a;
}

std::optional<BootloaderDescription> read_bootloader_description(std::span<const uint8_t> d,
                                                                 bool raw) {
  if (d.size() < kBootloaderDescLen || d[0] != kBootloaderDescMagic) return std::nullopt;
  BootloaderDescription b;
  b.version = read_le32(d.data() + 4);
  b.idf_ver = text_field(d, 8, 32, raw);
  b.date_time = text_field(d, 40, 24, raw);
  return b;
}

DescriptionSources find_description_segments(const ParsedImage& image) {
  DescriptionSources s;
  for (const Segment& seg : image.segments) {
    const auto names = image.chip->memory_names(seg.address);
    const bool is_drom = std::find(names.begin(), names.end(), "DROM") != names.end();
    const bool is_dram = std::find(names.begin(), names.end(), "DRAM") != names.end();
    if (is_drom) {
      s.app = &seg;
    } else if (is_dram && seg.data.size() >= kBootloaderDescLen) {
      s.bootloader = &seg;
    }
  }
  if (s.app != nullptr && !s.app->data.empty()) s.bootloader = nullptr;
  return s;
}

}  // namespace esptool::image
