// Embedded flash/PSRAM capability features of ESP32-S2, S3 and C3 (targets/esp32s2.py,
// esp32s3.py, esp32c3.py get_chip_features @v4.8.1). C6beta and S3beta2 reuse them through
// their rows; every other chip's features are fixed strings in its row.
#include "core/chips/identity_fns.h"

namespace esptool::chips::fns {

namespace {

struct Label {
  uint32_t code;
  const char* text;  // nullptr: nothing listed (esptool's None)
};

// `labels[code]`, or `unknown` when the code has no entry.
const char* lookup(std::initializer_list<Label> labels, uint32_t code, const char* unknown) {
  for (const Label& l : labels)
    if (l.code == code) return l.text;
  return unknown;
}

uint32_t block1_word(const ChipInfo& chip, const RegisterValues& v, int n) {
  return v.at(chip.efuse.block1 + 4 * n);
}

// "<capability> (<vendor>)" unless the capability is None.
void add_with_vendor(std::vector<std::string>& out, const char* cap, const char* vendor) {
  if (cap != nullptr) out.push_back(std::string(cap) + " (" + vendor + ")");
}

}  // namespace

void esp32s2_features(const ChipInfo& chip, const RegisterValues& v, bool sdm,
                      std::vector<std::string>& out) {
  if (sdm) out.emplace_back("Secure Download Mode Enabled");
  const uint32_t w3 = block1_word(chip, v, 3);
  out.emplace_back(
      lookup({{0, "No Embedded Flash"}, {1, "Embedded Flash 2MB"}, {2, "Embedded Flash 4MB"}},
             (w3 >> 21) & 0xF, "Unknown Embedded Flash"));
  out.emplace_back(
      lookup({{0, "No Embedded PSRAM"}, {1, "Embedded PSRAM 2MB"}, {2, "Embedded PSRAM 4MB"}},
             (w3 >> 28) & 0xF, "Unknown Embedded PSRAM"));
  const uint32_t blk2_version = (v.at(chip.efuse.block2 + 16) >> 4) & 0x7;
  out.emplace_back(lookup({{0, "No calibration in BLK2 of efuse"},
                           {1, "ADC and temperature sensor calibration in BLK2 of efuse V1"},
                           {2, "ADC and temperature sensor calibration in BLK2 of efuse V2"}},
                          blk2_version, "Unknown Calibration in BLK2"));
}

void esp32s3_features(const ChipInfo& chip, const RegisterValues& v, bool,
                      std::vector<std::string>& out) {
  const uint32_t w3 = block1_word(chip, v, 3), w4 = block1_word(chip, v, 4);
  add_with_vendor(out,
                  lookup({{0, nullptr}, {1, "Embedded Flash 8MB"}, {2, "Embedded Flash 4MB"}},
                         (w3 >> 27) & 0x7, "Unknown Embedded Flash"),
                  lookup({{1, "XMC"}, {2, "GD"}, {3, "FM"}, {4, "TT"}, {5, "BY"}}, w4 & 0x7, ""));
  add_with_vendor(out,
                  lookup({{0, nullptr}, {1, "Embedded PSRAM 8MB"}, {2, "Embedded PSRAM 2MB"}},
                         (w4 >> 3) & 0x3, "Unknown Embedded PSRAM"),
                  lookup({{1, "AP_3v3"}, {2, "AP_1v8"}}, (w4 >> 7) & 0x3, ""));
}

void esp32c3_features(const ChipInfo& chip, const RegisterValues& v, bool,
                      std::vector<std::string>& out) {
  const uint32_t w3 = block1_word(chip, v, 3), w4 = block1_word(chip, v, 4);
  add_with_vendor(out,
                  lookup({{0, nullptr},
                          {1, "Embedded Flash 4MB"},
                          {2, "Embedded Flash 2MB"},
                          {3, "Embedded Flash 1MB"},
                          {4, "Embedded Flash 8MB"}},
                         (w3 >> 27) & 0x7, "Unknown Embedded Flash"),
                  lookup({{1, "XMC"}, {2, "GD"}, {3, "FM"}, {4, "TT"}, {5, "ZBIT"}}, w4 & 0x7, ""));
}

}  // namespace esptool::chips::fns
