// ESP32-S3(beta2): chips.md §1-§9 (esptool/targets/esp32s3beta2.py@v4.8.1). As in esptool,
// where ESP32S3BETA2ROM subclasses ESP32S3ROM, it is the ESP32-S3 row with what the beta changes.
#include "core/chips/chip_rows.h"

namespace esptool::chips {

namespace {
// A row's lists point at arrays that must outlive it.
constexpr RowList<uint32_t> kMagicValues = {0xEB004136};
}  // namespace

const ChipInfo& esp32s3beta2() {
  static const ChipInfo kChip = [] {
    ChipInfo c = esp32s3();
    c.key = "esp32s3beta2";
    c.name = "ESP32-S3(beta2)";
    c.image_chip_id = 4;
    c.magic_values = kMagicValues;
    c.is_beta = true;
    c.protocol.stub_uses_usb_otg_block = false;  // its stub class keeps 0x1800/0x4000
    c.efuse.base = 0x6001A000;
    c.stub = {};  // esptool-js 0.6.1 has no stub for the beta
    return c;
  }();
  return kChip;
}

}  // namespace esptool::chips
