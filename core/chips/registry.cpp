#include <algorithm>
#include <cctype>

#include "core/chips/chip.h"
#include "core/chips/chip_rows.h"

namespace esptool::chips {

std::span<const ChipInfo* const> all_chips() {
  // esptool/targets/__init__.py CHIP_DEFS order: auto-detection takes the first match.
  static const ChipInfo* const kAll[] = {
      &esp8266(),      &esp32(),   &esp32s2(),  &esp32s3beta2(), &esp32s3(), &esp32c3(),
      &esp32c6beta(),  &esp32h2beta1(), &esp32h2beta2(), &esp32c2(), &esp32c6(), &esp32c61(),
      &esp32c5(),      &esp32c5beta3(), &esp32h2(), &esp32p4()};
  return kAll;
}

std::string strip_chip_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '-' || c == '(' || c == ')') continue;
    out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

const ChipInfo* find_chip(std::string_view key_or_name) {
  const std::string key = strip_chip_name(key_or_name);
  for (const ChipInfo* c : all_chips())
    if (key == c->key) return c;
  return nullptr;
}

const ChipInfo* find_chip_by_image_id(uint16_t id) {
  for (const ChipInfo* c : all_chips())
    if (!c->is_esp8266 && c->image_chip_id && *c->image_chip_id == id) return c;
  return nullptr;
}

std::string chip_choices() {
  std::string out;
  for (const ChipInfo* c : all_chips()) {
    if (!out.empty()) out += ", ";
    out += c->key;
  }
  return out;
}

std::vector<std::string> ChipInfo::memory_names(uint32_t address) const {
  std::vector<std::string> names;
  for (const MemoryRegion& r : memory_map)
    if (address >= r.start && address < r.end) names.emplace_back(r.name);
  return names;
}

namespace {
std::optional<uint8_t> lookup_code(RowList<CodeName> table, std::string_view name) {
  for (const CodeName& e : table)
    if (name == e.name) return e.code;
  return std::nullopt;
}
const char* lookup_name(RowList<CodeName> table, uint8_t code) {
  for (const CodeName& e : table)
    if (e.code == code) return e.name;
  return nullptr;
}
// cmds.py FLASH_MODES.
constexpr RowList<CodeName> kFlashModes = {{"qio", 0}, {"qout", 1}, {"dio", 2}, {"dout", 3}};
}  // namespace

std::optional<uint8_t> ChipInfo::flash_size_code(std::string_view size) const {
  return lookup_code(flash_sizes, size);
}
std::optional<uint8_t> ChipInfo::flash_freq_code(std::string_view freq) const {
  return lookup_code(flash_freqs, freq);
}
const char* ChipInfo::flash_size_name(uint8_t code) const { return lookup_name(flash_sizes, code); }
const char* ChipInfo::flash_freq_name(uint8_t code) const { return lookup_name(flash_freqs, code); }

std::optional<uint8_t> flash_mode_code(std::string_view mode) {
  return lookup_code(kFlashModes, mode);
}
const char* flash_mode_name(uint8_t code) {
  static const char* kUpper[] = {"QIO", "QOUT", "DIO", "DOUT"};
  return code < 4 ? kUpper[code] : nullptr;
}

}  // namespace esptool::chips
