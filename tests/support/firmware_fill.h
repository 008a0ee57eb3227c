// Deterministic filler that looks like flash-resident firmware to a compressor: an instruction
// stream with a skewed opcode vocabulary, prologues/epilogues and literal pools (code), and
// C strings, pointer tables and zero padding (rodata). Used for the large benchmark app, where
// pure noise (incompressible) or zeros (trivially compressible) would skew timings and sizes.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/base/bytes.h"

namespace esptool::testing {

// `n` bytes of code-like data for an image mapped at `base` (literal pools point near it).
// deflate -9 keeps roughly half of it, as for real ESP-IDF .flash.text.
Bytes firmware_code_bytes(size_t n, uint32_t base, uint32_t seed);
// `n` bytes of rodata-like data (strings, pointer tables into `base`..., zero runs).
Bytes firmware_rodata_bytes(size_t n, uint32_t base, uint32_t seed);

}  // namespace esptool::testing
