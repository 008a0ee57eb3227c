// Applies a chip's RevisionRule, PackageRule and FeatureRule (chip_types.h) to register values.
#include "core/chips/identity.h"

namespace esptool::chips {

namespace {

void add_field(std::vector<uint32_t>& list, const std::optional<BitField>& field) {
  if (field) add_register(list, field->address);
}

void add_all(std::vector<uint32_t>& list, const std::vector<uint32_t>& more) {
  for (uint32_t a : more) add_register(list, a);
}

const char* package_name(const PackageRule& rule, uint32_t key) {
  for (const CodeName& n : rule.names)
    if (n.code == key) return n.name;
  return rule.unknown;
}

}  // namespace

std::vector<uint32_t> revision_registers(const ChipInfo& chip) {
  const RevisionRule& r = chip.revision;
  std::vector<uint32_t> list;
  if (!r.has_revision) return list;
  if (r.custom) {
    add_all(list, r.custom_registers);
    return list;
  }
  add_register(list, r.major.address);
  add_field(list, r.minor_hi);
  add_register(list, r.minor_lo.address);
  add_field(list, r.eco0_blk_major);
  add_field(list, r.eco0_blk_minor);
  return list;
}

std::vector<uint32_t> identity_registers(const ChipInfo& chip) {
  std::vector<uint32_t> list = revision_registers(chip);
  const PackageRule& p = chip.package;
  if (p.custom) {
    add_all(list, p.custom_registers);
  } else {
    add_register(list, p.field.address);
    add_field(list, p.hundreds);
  }
  add_all(list, chip.features.more_registers);
  return list;
}

Revision decode_revision(const ChipInfo& chip, const RegisterValues& values) {
  const RevisionRule& r = chip.revision;
  if (!r.has_revision) return {};
  if (r.custom) return r.custom(chip, values);
  const uint32_t minor_raw =
      (r.minor_hi ? r.minor_hi->read(values) << 3 : 0) + r.minor_lo.read(values);
  // esp32s3.py is_eco0: the major field was reused when the block version is v1.1.
  if (r.eco0_blk_major && (minor_raw & 0x7) == 0 && r.eco0_blk_major->read(values) == 1 &&
      r.eco0_blk_minor->read(values) == 1)
    return {0, 0};
  return {r.major.read(values), minor_raw};
}

std::string chip_description(const ChipInfo& chip, const RegisterValues& values) {
  const PackageRule& p = chip.package;
  if (p.custom) return p.custom(chip, values);
  uint32_t key = p.field.read(values);
  if (p.hundreds) key += 100 * p.hundreds->read(values);
  const Revision rev = decode_revision(chip, values);
  return std::string(package_name(p, key)) + " (revision v" + std::to_string(rev.major) + "." +
         std::to_string(rev.minor) + ")";
}

std::vector<std::string> chip_features(const ChipInfo& chip, const RegisterValues& values,
                                       bool secure_download_mode) {
  std::vector<std::string> out(chip.features.fixed.begin(), chip.features.fixed.end());
  if (chip.features.more) chip.features.more(chip, values, secure_download_mode, out);
  return out;
}

std::string features_text(const std::vector<std::string>& features) {
  std::string out;
  for (const std::string& f : features) {
    if (!out.empty()) out += ", ";
    out += f;
  }
  return out;
}

}  // namespace esptool::chips
