// CHANGE_BAUDRATE (serial-protocol.md §16): the reply comes at the old rate, then both sides
// switch. Only upward from the connect rate; the ESP8266 ROM cannot.
#pragma once

#include "core/engine/link.h"

namespace esptool::ops {

engine::Task<Status> change_baud(engine::Link& link, uint32_t baud);

// Our extension to esptool's order (stub upload, then the switch): where the ROM loader takes
// CHANGE_BAUDRATE (every ROM but the ESP8266's) the switch comes first, so the stub goes up at
// the fast rate. The stub keeps the UART divider the ROM set (it only rescales it on its own
// CHANGE_BAUDRATE), so nothing changes after the upload. Does nothing when a stub already runs
// or the ESP8266 ROM answers: change_baud after the upload handles those as esptool does.
engine::Task<Status> change_baud_before_stub(engine::Link& link, uint32_t baud);

}  // namespace esptool::ops
