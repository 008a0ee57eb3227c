#include "core/chips/detect.h"

#include <algorithm>

#include "core/base/bytes.h"

namespace esptool::chips {

namespace {

// loader.py UNSUPPORTED_CHIPS: ids esptool knows only to name them.
const char* unsupported_chip_name(uint32_t chip_id) {
  return chip_id == 6 ? "ESP32-S3(beta 3)" : "Unknown";
}

constexpr const char* kAutodetectTail =
    " Failed to autodetect chip type.\nProbably it is unsupported by this version of esptool.";

}  // namespace

const ChipInfo* detect_chip_by_magic(uint32_t magic) {
  for (const ChipInfo* c : all_chips())
    if (std::find(c->magic_values.begin(), c->magic_values.end(), magic) != c->magic_values.end())
      return c;
  return nullptr;
}

const ChipInfo* detect_chip_by_security_id(uint32_t chip_id) {
  for (const ChipInfo* c : all_chips())
    if (!c->protocol.uses_magic_value && c->image_chip_id && *c->image_chip_id == chip_id) return c;
  return nullptr;
}

Error unknown_magic_error(uint32_t magic) {
  return make_error(
      Errc::kUnknownChip,
      strprintf("Unexpected chip magic value 0x%08x.", unsigned(magic)) + kAutodetectTail);
}

Error unknown_chip_id_error(uint32_t chip_id) {
  return make_error(Errc::kUnknownChip,
                    "Unexpected chip ID value " + std::to_string(chip_id) + "." + kAutodetectTail);
}

MagicCheck check_magic(const ChipInfo& expected, uint32_t magic) {
  const auto& own = expected.magic_values;
  if (std::find(own.begin(), own.end(), magic) != own.end()) return {};
  if (const ChipInfo* actual = detect_chip_by_magic(magic))
    return {make_error(Errc::kChipMismatch, std::string("This chip is ") + actual->name + " not " +
                                                expected.name + ". Wrong --chip argument?"),
            {}};
  return {Status::Ok(), strprintf("WARNING: This chip doesn't appear to be a %s (chip magic value "
                                  "0x%08x). Probably it is unsupported by this version of esptool.",
                                  expected.name, unsigned(magic))};
}

std::string chip_id_mismatch_warning(const ChipInfo& expected, uint32_t chip_id) {
  if (expected.image_chip_id && *expected.image_chip_id == chip_id) return {};
  return "WARNING: Chip ID " + std::to_string(chip_id) + " (" + unsupported_chip_name(chip_id) +
         ") doesn't match expected Chip ID " +
         std::to_string(expected.image_chip_id ? *expected.image_chip_id : 0) +
         ". esptool may not work correctly.";
}

}  // namespace esptool::chips
