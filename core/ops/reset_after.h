// --after (reset-and-boot.md §5): what happens to the chip when the command is done.
#pragma once

#include <string>

#include "core/engine/link.h"

namespace esptool::ops {

// `after`: hard_reset | soft_reset | no_reset | no_reset_stub. The hard-reset pulse and the
// USB-OTG strap check follow Session::usb_mode (post_connect.h).
engine::Task<Status> reset_after(engine::Link& link, std::string after);

}  // namespace esptool::ops
