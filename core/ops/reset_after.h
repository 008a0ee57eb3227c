// --after (reset-and-boot.md §5): what happens to the chip when the command is done.
#pragma once

#include <string>

#include "core/engine/link.h"

namespace esptool::ops {

// `after`: hard_reset | soft_reset | no_reset | no_reset_stub. `uses_usb`: the port is USB-OTG
// or USB-JTAG-Serial (longer reset pulse for re-enumeration).
engine::Task<Status> reset_after(engine::Link& link, std::string after, bool uses_usb);

}  // namespace esptool::ops
