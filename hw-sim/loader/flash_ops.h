// Flash routines shared by the ROM and the stub model: they are the same ROM functions on the
// chip (SPIEraseArea-style region erase), so both loaders time them the same way.
#pragma once

#include <cstdint>

#include "hw-sim/base/time.h"
#include "hw-sim/flash/nor_flash.h"

namespace hwsim {

// Erases [offset, offset + size) with 4 KiB sector erases up to the next 64 KiB boundary, 64 KiB
// block erases while more than a block remains, then sector erases (the legacy stub's
// handle_flash_erase order). `offset` and `size` are sector multiples. Returns completion time.
Millis erase_region(NorFlash& flash, uint32_t offset, uint32_t size, Millis now);

// CPU + flash time to read `length` bytes and MD5 them (~5 MB/s combined: SPI read plus software
// MD5 on a 160-240 MHz core; an estimate, the ROM and stub figures are not published).
Millis md5_cost(uint32_t length);

// CPU time to inflate `output_bytes` with miniz on the chip (~15 MB/s, estimate).
Millis inflate_cost(uint32_t output_bytes);

}  // namespace hwsim
