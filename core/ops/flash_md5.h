// SPI_FLASH_MD5 (serial-protocol.md §10): the ROM answers 32 hex characters, the stub 16 raw
// bytes; the engine knows which one is talking, so no length guessing.
#pragma once

#include "core/engine/link.h"

namespace esptool::ops {

// The 16-byte MD5 of flash [offset, offset + size).
engine::Task<Result<Bytes>> flash_md5(engine::Link& link, uint32_t offset, uint32_t size);

}  // namespace esptool::ops
