// Chip detection (serial-protocol.md §14): GET_SECURITY_INFO's chip id where the ROM has it,
// else the magic word at 0x40001000; or, with --chip, a check that the answer fits.
#pragma once

#include <string>

#include "core/engine/link.h"

namespace esptool::ops {

inline constexpr uint32_t kChipDetectMagicRegAddr = 0x40001000;  // loader.py

// Sets Session::chip and Session::secure_download_mode. `chip` is a --chip value or "auto".
engine::Task<Status> detect_chip(engine::Link& link, std::string chip);

}  // namespace esptool::ops
