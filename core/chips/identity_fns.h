// Per-family identity logic that is behaviour, not numbers (ESP8266 OTP, ESP32 package names,
// the eFuse capability features of S2/S3/C3). Chip rows point at these; see identity.h.
#pragma once

#include <string>
#include <vector>

#include "core/chips/chip.h"

namespace esptool::chips::fns {

// ESP8266 OTP words 0x3FF00050..5C (esp8266.py get_efuses).
std::vector<uint32_t> esp8266_otp_registers();
std::string esp8266_description(const ChipInfo& chip, const RegisterValues& values);
void esp8266_features(const ChipInfo& chip, const RegisterValues& values, bool sdm,
                      std::vector<std::string>& out);

// ESP32 eFuse words 3 and 5 and APB_CTL_DATE (esp32.py get_*_chip_version).
std::vector<uint32_t> esp32_revision_registers();
// ESP32 description reads word 3 plus the revision registers.
std::vector<uint32_t> esp32_description_registers();
// ESP32 features read words 3, 4 and 6.
std::vector<uint32_t> esp32_feature_registers();
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
