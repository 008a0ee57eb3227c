// zlib-format compression that sends fewer bytes than esptool's zlib.compress(data, 9): libdeflate's
// near-optimal parser (level 10), about 5% smaller on firmware for as much CPU time as zlib -9 takes
// natively. The flasher stub and the ROM inflate it as they inflate zlib's. Whole buffers only:
// libdeflate does not stream.
#pragma once

#include <cstdint>
#include <span>

#include "core/base/bytes.h"

namespace esptool::util {

// How much CPU time the compression may take. kInline runs on the thread that paces the port
// (inside connect's reset pulse); kOffThread on a thread of its own (the Node CLI's worker), where
// libdeflate's strongest level costs nothing the write waits for.
enum class DeflateEffort { kInline, kOffThread };

// The zlib stream (header, deflate data, Adler-32) of `input`.
Bytes strong_deflate(std::span<const uint8_t> input, DeflateEffort effort = DeflateEffort::kInline);

// Whether `stream` looks like a zlib stream of `input`: a zlib header and an Adler-32 trailer
// equal to `input`'s (one pass over `input`, no inflating). Catches a stream made for other bytes.
bool is_zlib_stream_of(std::span<const uint8_t> stream, std::span<const uint8_t> input);

}  // namespace esptool::util
