// printf into a std::string with the C library's every conversion, floating point included, for
// test traces and bench output: core's strprintf (core/base/format.h) formats integers and
// strings only.
#pragma once

#include <string>

namespace esptool::testing {

std::string libc_format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace esptool::testing
