// ESP32-H2(beta2): chips.md §1-§9 (esptool/targets/esp32h2beta2.py@v4.8.1). As in esptool,
// where ESP32H2BETA2ROM subclasses ESP32H2BETA1ROM, it is the beta1 row with what beta2 changes.
#include "core/chips/chip_rows.h"

namespace esptool::chips {

namespace {
// What beta2 changes, as constants: a row's lists point at arrays that must outlive it.
constexpr RowList<uint32_t> kMagicValues = {0x6881B06F};
constexpr RowList<CodeName> kPackages = {{"ESP32-H2(beta2)", 1}};
}  // namespace

const ChipInfo& esp32h2beta2() {
  static const ChipInfo kChip = [] {
    ChipInfo c = esp32h2beta1();
    c.key = "esp32h2beta2";
    c.name = "ESP32-H2(beta2)";
    c.image_chip_id = 14;
    c.magic_values = kMagicValues;
    c.package.names = kPackages;
    return c;
  }();
  return kChip;
}

}  // namespace esptool::chips
