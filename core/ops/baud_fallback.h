// Baud fallback: when the link fails after the switch to a fast rate, the host reconnects at the
// next lower rate of a fixed ladder. This file only decides (which failures count, which rate
// comes next); the driver that saw the switch runs the retry.
#pragma once

#include <cstdint>

#include "core/base/error.h"

namespace esptool::ops {

// The ladder, fastest first: rates USB-UART bridges and the ROM/stub commonly reach (the page's
// baud choices), ending at the ROM's own 115200 where no switch happens.
inline constexpr uint32_t kBaudLadder[] = {2000000, 1500000, 921600, 460800, 230400, 115200};

// The rate to retry at after `code` ended a command whose link had switched to `failed_baud`:
// the next ladder rate below it, or 0 when the failure is not a link failure (a ROM error, a
// digest mismatch, a cancel, a lost port) or nothing lower is left.
uint32_t fallback_baud(uint32_t failed_baud, Errc code);

}  // namespace esptool::ops
