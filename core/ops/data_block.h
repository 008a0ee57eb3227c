// One data block (FLASH_DATA, FLASH_DEFL_DATA, MEM_DATA) sent with esptool's retries: the
// loaders drop a block they reject (checksum, length), so resending it is safe.
#pragma once

#include <cstdint>
#include <span>

#include "core/engine/link.h"
#include "core/proto/opcode.h"

namespace esptool::ops {

inline constexpr int kWriteBlockAttempts = 3;  // loader.py WRITE_BLOCK_ATTEMPTS
// A block the loader answered "bad length" or "bad checksum" was dropped unprocessed (stub and
// ROM check both before they act), so resending it is as safe as the first send; and a 16 KiB
// block on a line with a stray byte every 20,000 bytes is hit on about every other send, which
// three attempts rarely outlast. Such rejections get this many attempts when recovery is on
// (Session::resend_rejected_blocks; our extension), esptool's three otherwise.
inline constexpr int kRejectedBlockAttempts = 12;

// Sends block `seq` up to kWriteBlockAttempts times (kRejectedBlockAttempts while the loader only
// rejects it as garbled); stops early when the port is gone or the command was cancelled. The
// error names `what` and `address` ("Writing block 3 at 0x...").
engine::Task<Status> send_data_block(engine::Link& link, proto::Opcode op, uint32_t seq,
                                     std::span<const uint8_t> payload, engine::Millis timeout_ms,
                                     const char* what, uint32_t address);

}  // namespace esptool::ops
