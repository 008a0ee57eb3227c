// run_spiflash_command (serial-protocol.md §11): drive the chip's SPI controller registers with
// READ_REG/WRITE_REG to send one command to the flash chip (RDID, RDSR, WRSR ...), then the
// flash-status helpers built on it.
#pragma once

#include <span>

#include "core/engine/link.h"

namespace esptool::ops {

// Sends `command` with optional MOSI `data` (<= 64 bytes) and reads `read_bits` (<= 32) back.
engine::Task<Result<uint32_t>> spi_flash_command(engine::Link& link, uint8_t command,
                                                 std::span<const uint8_t> data, uint32_t read_bits);

engine::Task<Result<uint32_t>> read_flash_id(engine::Link& link);
// RDSR, RDSR2, RDSR3 for `num_bytes` (1..3) bytes, low byte first.
engine::Task<Result<uint32_t>> read_flash_status(engine::Link& link, uint32_t num_bytes);
engine::Task<Status> write_flash_status(engine::Link& link, uint32_t value, uint32_t num_bytes,
                                        bool non_volatile);

}  // namespace esptool::ops
