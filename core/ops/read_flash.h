// read_flash (serial-protocol.md §9): the stub streams packets that the host acknowledges with
// the running byte count and ends with an MD5; the ROM (ESP32 and later) reads 64 bytes per
// READ_FLASH_SLOW. The ESP8266 ROM cannot read flash. With a Recovery, a read broken by line
// noise resumes after the link is back: the bytes received so far are kept as far as the
// flash's MD5 confirms them, and the rest is read again.
#pragma once

#include "core/engine/link.h"
#include "core/ops/recovery.h"

namespace esptool::ops {

engine::Task<Result<Bytes>> read_flash(engine::Link& link, uint32_t offset, uint32_t length,
                                       const Recovery* recovery = nullptr);

}  // namespace esptool::ops
