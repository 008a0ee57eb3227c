// Per-family identity logic that is behaviour, not numbers (ESP8266 OTP, ESP32 package names,
// the eFuse capability features of S2/S3/C3). Chip rows point at these; see identity.h.
#pragma once

#include <string>
#include <vector>

#include "core/chips/chip.h"

namespace esptool::chips::fns {

constexpr uint32_t kOtp0 = 0x3FF00050;        // esp8266.py get_efuses: 128 bits, word n at +4n
constexpr uint32_t kEsp32Efuse = 0x3FF5A000;  // esp32.py EFUSE_RD_REG_BASE, word n at +4n
constexpr uint32_t kApbCtlDate = 0x3FF6607C;  // esp32.py APB_CTL_DATE_ADDR

// ESP8266 OTP words 0x3FF00050..5C (esp8266.py get_efuses).
inline constexpr RowList<uint32_t> kEsp8266OtpRegisters = {kOtp0, kOtp0 + 4, kOtp0 + 8, kOtp0 + 12};
std::string esp8266_description(const ChipInfo& chip, const RegisterValues& values);
void esp8266_features(const ChipInfo& chip, const RegisterValues& values, bool sdm,
                      std::vector<std::string>& out);

// ESP32 eFuse words 3 and 5 and APB_CTL_DATE (esp32.py get_*_chip_version); the description
// reads the same (word 3 holds the package).
inline constexpr RowList<uint32_t> kEsp32RevisionRegisters = {kEsp32Efuse + 12, kEsp32Efuse + 20,
                                                             kApbCtlDate};
// ESP32 features read words 3, 4 and 6.
inline constexpr RowList<uint32_t> kEsp32FeatureRegisters = {kEsp32Efuse + 12, kEsp32Efuse + 16,
                                                            kEsp32Efuse + 24};
Revision esp32_revision(const ChipInfo& chip, const RegisterValues& values);
std::string esp32_description(const ChipInfo& chip, const RegisterValues& values);
void esp32_features(const ChipInfo& chip, const RegisterValues& values, bool sdm,
                    std::vector<std::string>& out);

// Capability tails; each reads the chip's efuse.block1 (+12, +16) and, for S2, efuse.block2 + 16.
void esp32s2_features(const ChipInfo& chip, const RegisterValues& values, bool sdm,
                      std::vector<std::string>& out);
void esp32s3_features(const ChipInfo& chip, const RegisterValues& values, bool sdm,
                      std::vector<std::string>& out);
void esp32c3_features(const ChipInfo& chip, const RegisterValues& values, bool sdm,
                      std::vector<std::string>& out);

}  // namespace esptool::chips::fns
