#include "core/ops/baud_fallback.h"

namespace esptool::ops {

uint32_t fallback_baud(uint32_t failed_baud, Errc code) {
  // What a rate the line cannot carry looks like: replies that do not come, frames that do not
  // decode, answers to some other command. Everything else is a real answer from the chip or
  // the host's own decision, and a lower rate would not change it.
  const bool link_failure =
      code == Errc::kTimeout || code == Errc::kBadFrame || code == Errc::kUnexpectedReply;
  if (!link_failure) return 0;
  for (uint32_t rate : kBaudLadder) {
    if (rate < failed_baud) return rate;
  }
  return 0;
}

}  // namespace esptool::ops
