// Chip detection facts (serial-protocol.md §14, cmds.py detect_chip and loader.py connect
// @v4.8.1): which row a magic word or a security-info chip id names, and the messages esptool
// gives when --chip and the device disagree.
#pragma once

#include <cstdint>
#include <string>

#include "core/base/result.h"
#include "core/chips/chip.h"

namespace esptool::chips {

// CHIP_DETECT_MAGIC_REG_ADDR: a ROM word whose value differs per chip model.
inline constexpr uint32_t kChipDetectMagicReg = 0x40001000;

// First chip in esptool's list order whose magic list holds `magic`; nullptr if none.
const ChipInfo* detect_chip_by_magic(uint32_t magic);
// First chip (skipping those with uses_magic_value) whose IMAGE_CHIP_ID is `chip_id`.
const ChipInfo* detect_chip_by_security_id(uint32_t chip_id);
// detect_chip failures: "Unexpected chip magic value 0x%08x. Failed to autodetect chip type.
// Probably it is unsupported by this version of esptool." (and the chip ID variant).
Error unknown_magic_error(uint32_t magic);
Error unknown_chip_id_error(uint32_t chip_id);

// connect() with an explicit --chip: ok (maybe with a warning) or "This chip is X not Y. Wrong
// --chip argument?" (Errc::kChipMismatch).
struct MagicCheck {
  Status status;
  std::string warning;  // "WARNING: This chip doesn't appear to be a ..." for unknown magic
};
MagicCheck check_magic(const ChipInfo& expected, uint32_t magic);
// check_chip_id (chips without uses_magic_value): empty when it matches, else esptool's
// "WARNING: Chip ID N (NAME) doesn't match expected Chip ID M. esptool may not work correctly."
// (esptool then disables the stub).
std::string chip_id_mismatch_warning(const ChipInfo& expected, uint32_t chip_id);

}  // namespace esptool::chips
