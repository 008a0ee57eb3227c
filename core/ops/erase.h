// ERASE_FLASH / ERASE_REGION (stub only, serial-protocol.md §4) with esptool's messages.
#pragma once

#include "core/engine/link.h"

namespace esptool::ops {

engine::Task<Status> erase_flash(engine::Link& link);
// `offset` and `size` must be multiples of 4096 (checked before anything is sent).
engine::Task<Status> erase_region(engine::Link& link, uint32_t offset, uint32_t size);

}  // namespace esptool::ops
