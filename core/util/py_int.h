// Python's int() parsing of command-line text: int(x, 0) for esptool's arg_auto_int and
// addresses, int(x) for plain integers. Accepting exactly what Python accepts decides whether a
// command line is valid: "0x1000", "4_096", " 42 " are; "010", "1e3", "0x" are not.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace esptool::util {

// Python's int(text, 0): optional sign and surrounding whitespace, 0x/0o/0b prefixes, '_'
// between digits, no leading zeros on decimals ("010" is rejected, "0" and "00" are not).
// nullopt when Python would raise ValueError or the value does not fit in int64.
std::optional<int64_t> parse_auto_int(std::string_view text);

// Python's int(text): base 10, leading zeros allowed.
std::optional<int64_t> parse_decimal_int(std::string_view text);

}  // namespace esptool::util
