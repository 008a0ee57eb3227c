// What esptool prints after connecting: "Chip is <description>", "Features: <list>", from eFuse
// words the engine read. Read identity_registers(chip), then call the decoders (all pure).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/chips/chip.h"
#include "core/chips/registers.h"

namespace esptool::chips {

// Registers decode_revision reads (empty for ESP8266).
std::vector<uint32_t> revision_registers(const ChipInfo& chip);
// Every register chip_description, chip_features and decode_revision read.
std::vector<uint32_t> identity_registers(const ChipInfo& chip);

// {major, minor} as get_major/minor_chip_version (v0.0 for ESP8266, which has none).
Revision decode_revision(const ChipInfo& chip, const RegisterValues& values);
// get_chip_description: "ESP32-D0WD-V3 (revision v3.0)", "ESP32-C3 (QFN32) (revision v0.4)",
// "ESP8266EX".
std::string chip_description(const ChipInfo& chip, const RegisterValues& values);
// get_chip_features: {"WiFi", "BT", "Dual Core", ...}. `secure_download_mode` only matters to
// ESP32-S2 (esptool never prints features in SDM, but the list would name it).
std::vector<std::string> chip_features(const ChipInfo& chip, const RegisterValues& values,
                                       bool secure_download_mode = false);
// "Features: " line body: the list joined with ", ".
std::string features_text(const std::vector<std::string>& features);

}  // namespace esptool::chips
