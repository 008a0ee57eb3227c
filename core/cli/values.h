// Python-compatible conversions of command-line strings, as esptool.py v4.8.1's argparse types
// do them: int(x, 0) (arg_auto_int), int(x), flash_size_bytes("4MB").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace esptool::cli {

// Python's int(text, 0): optional sign and surrounding whitespace, 0x/0o/0b prefixes, '_'
// between digits, no leading zeros on decimals ("010" is rejected, "0" and "00" are not).
// nullopt when Python would raise ValueError or the value does not fit in int64.
std::optional<int64_t> parse_auto_int(std::string_view text);

// Python's int(text): base 10, leading zeros allowed.
std::optional<int64_t> parse_decimal_int(std::string_view text);

// esptool's util.flash_size_bytes: "<n>MB" or "<n>KB" -> bytes. Errors (kBadArgument):
// "Unknown size <text>" for anything else, as esptool's FatalError says.
Result<uint32_t> flash_size_bytes(std::string_view text);

// Python's repr() of a string, used in argparse messages: 'x', or "x" when x holds a quote.
std::string py_repr(std::string_view text);

}  // namespace esptool::cli
