// Writes one contiguous region of flash (serial-protocol.md §7.2, §7.3): compressed with
// FLASH_DEFL_* (streamed: the first block goes out while the rest is still being compressed) or
// plain FLASH_*; ROM and stub differences (block size, sizes sent, ACK-before-write) included.
// Verification is the caller's (flash_md5).
#pragma once

#include <span>

#include "core/engine/link.h"

namespace esptool::ops {

struct RegionWriteStats {
  uint64_t compressed_size = 0;  // bytes sent as payload (== size when not compressed)
  engine::Millis elapsed_ms = 0;
};

inline constexpr uint32_t kRomFlashBlock = 0x400;   // FLASH_WRITE_SIZE
inline constexpr uint32_t kStubFlashBlock = 0x4000;  // stub MAX_WRITE_BLOCK

// `data` is written at `offset` as given (padding and header patching happen before).
engine::Task<Result<RegionWriteStats>> write_region(engine::Link& link, uint32_t offset,
                                                    std::span<const uint8_t> data, bool compress);

}  // namespace esptool::ops
