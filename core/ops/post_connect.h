// post_connect: what esptool's target classes do in _post_connect, right after the chip is known
// (serial-protocol.md §7.1, reset-and-boot.md §5): find the console the ROM uses (UART, USB-OTG
// or USB-JTAG-Serial) and, on USB-JTAG-Serial, stop the watchdogs that the USB reset does not
// clear and that would otherwise reset the chip in the middle of a long write.
#pragma once

#include "core/engine/link.h"

namespace esptool::ops {

// `sync_stub_detected`: the sync found a stub still running from an earlier session; esptool
// then leaves the watchdogs alone (the earlier session already handled them).
engine::Task<Status> post_connect(engine::Link& link, bool sync_stub_detected);

}  // namespace esptool::ops
