// printf-style formatting into a std::string, for the integer and string conversions core uses,
// written here rather than taken from libc: musl's printf_core and its helpers were 4 KB of the
// page's first wasm half (issue 10), and core needs none of their floating point (fixed_point in
// bytes.h prints the few numbers that need decimals).
#pragma once

#include <string>

namespace esptool {

// Conversions: d i u x X o c s and %%, with the flags - 0 # + and space, a width and a
// precision (either may be *), and the length modifiers hh h l ll z j t, as C's printf does.
// Any other conversion (f, e, g, a, p, n) is a bug in the caller: it aborts (ESPT_CHECK). The
// format attribute has the compiler check every call's arguments against its format.
std::string strprintf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace esptool
