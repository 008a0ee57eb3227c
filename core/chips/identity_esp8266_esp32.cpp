// ESP8266 and ESP32 identity decoding (targets/esp8266.py, targets/esp32.py @v4.8.1): package
// names depend on several bits and on the revision, so they are code rather than table rows.
#include "core/chips/identity_fns.h"

namespace esptool::chips::fns {

namespace {

bool bit(uint32_t word, int n) { return (word >> n) & 1; }

// Bit n of esp8266.py's 128-bit efuse integer (word n / 32, bit n % 32).
bool otp_bit(const RegisterValues& v, int n) { return bit(v.at(kOtp0 + 4 * (n / 32)), n % 32); }

// esp8266.py _get_flash_size: embedded flash size in MB, -1 if the bits make no sense.
int esp8285_flash_mb(const RegisterValues& v) {
  const bool r0_4 = otp_bit(v, 4), r3_25 = otp_bit(v, 121), r3_26 = otp_bit(v, 122),
             r3_27 = otp_bit(v, 123);
  if (r0_4 && !r3_25 && !r3_27) return r3_26 ? 2 : 1;
  if (!r0_4 && r3_25 && !r3_27) return r3_26 ? 4 : 2;
  return -1;
}

uint32_t esp32_word(const RegisterValues& v, int n) { return v.at(kEsp32Efuse + 4 * n); }

uint32_t esp32_pkg_version(const RegisterValues& v) {
  const uint32_t w3 = esp32_word(v, 3);
  return ((w3 >> 9) & 0x7) + (((w3 >> 2) & 0x1) << 3);
}

}  // namespace

std::string esp8266_description(const ChipInfo&, const RegisterValues& v) {
  // Either OTP bit 4 or bit 80 marks an ESP8285 (embedded flash).
  if (!otp_bit(v, 4) && !otp_bit(v, 80)) return "ESP8266EX";
  const bool high_temp = otp_bit(v, 5);
  switch (esp8285_flash_mb(v)) {
    case 1:
      return high_temp ? "ESP8285H08" : "ESP8285N08";
    case 2:
      return high_temp ? "ESP8285H16" : "ESP8285N16";
    default:
      return "ESP8285";
  }
}

void esp8266_features(const ChipInfo& chip, const RegisterValues& v, bool,
                      std::vector<std::string>& out) {
  if (esp8266_description(chip, v).find("ESP8285") != std::string::npos)
    out.emplace_back("Embedded Flash");
}

Revision esp32_revision(const ChipInfo&, const RegisterValues& v) {
  const uint32_t combined = (bit(v.at(kApbCtlDate), 31) << 2) | (bit(esp32_word(v, 5), 20) << 1) |
                            bit(esp32_word(v, 3), 15);
  // esp32.py get_major_chip_version: 0b000 -> 0, 0b001 -> 1, 0b011 -> 2, 0b111 -> 3, else 0.
  const uint32_t major = combined == 1 ? 1 : combined == 3 ? 2 : combined == 7 ? 3 : 0;
  return {major, (esp32_word(v, 5) >> 24) & 0x3};
}

std::string esp32_description(const ChipInfo& chip, const RegisterValues& v) {
  const Revision rev = esp32_revision(chip, v);
  const bool rev3 = rev.major == 3;
  const bool single_core = bit(esp32_word(v, 3), 0);  // CHIP_VER_DIS_APP_CPU
  const char* name = "unknown ESP32";
  switch (esp32_pkg_version(v)) {
    case 0:
      name = single_core ? "ESP32-S0WDQ6" : rev3 ? "ESP32-D0WDQ6-V3" : "ESP32-D0WDQ6";
      break;
    case 1:
      name = single_core ? "ESP32-S0WD" : rev3 ? "ESP32-D0WD-V3" : "ESP32-D0WD";
      break;
    case 2:
      name = "ESP32-D2WD";
      break;
    case 4:
      name = "ESP32-U4WDH";
      break;
    case 5:
      name = rev3 ? "ESP32-PICO-V3" : "ESP32-PICO-D4";
      break;
    case 6:
      name = "ESP32-PICO-V3-02";
      break;
    case 7:
      name = "ESP32-D0WDR2-V3";
      break;
  }
  return std::string(name) + " (revision v" + std::to_string(rev.major) + "." +
         std::to_string(rev.minor) + ")";
}

void esp32_features(const ChipInfo&, const RegisterValues& v, bool, std::vector<std::string>& out) {
  const uint32_t w3 = esp32_word(v, 3);
  if (!bit(w3, 1)) out.emplace_back("BT");  // CHIP_VER_DIS_BT
  out.emplace_back(bit(w3, 0) ? "Single Core" : "Dual Core");
  if (bit(w3, 13)) out.emplace_back(bit(w3, 12) ? "160MHz" : "240MHz");  // CPU_FREQ_RATED/LOW
  const uint32_t pkg = esp32_pkg_version(v);
  if (pkg == 2 || pkg == 4 || pkg == 5 || pkg == 6) out.emplace_back("Embedded Flash");
  if (pkg == 6) out.emplace_back("Embedded PSRAM");
  if ((esp32_word(v, 4) >> 8) & 0x1F) out.emplace_back("VRef calibration in efuse");
  if ((w3 >> 14) & 0x1) out.emplace_back("BLK3 partially reserved");
  static const char* const kCodingSchemes[] = {"None", "3/4", "Repeat (UNSUPPORTED)",
                                               "None (may contain encoding data)"};
  out.emplace_back(std::string("Coding Scheme ") + kCodingSchemes[esp32_word(v, 6) & 0x3]);
}

}  // namespace esptool::chips::fns
