// CHANGE_BAUDRATE (serial-protocol.md §16): the reply comes at the old rate, then both sides
// switch. Only upward from the connect rate; the ESP8266 ROM cannot.
#pragma once

#include "core/engine/link.h"

namespace esptool::ops {

engine::Task<Status> change_baud(engine::Link& link, uint32_t baud);

}  // namespace esptool::ops
