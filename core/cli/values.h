// Python-compatible helpers for command-line values: esptool's flash_size_bytes("4MB") and the
// repr() argparse uses in messages. Integer parsing: core/util/py_int.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace esptool::cli {

// esptool's util.flash_size_bytes: "<n>MB" or "<n>KB" -> bytes. Errors (kBadArgument):
// "Unknown size <text>" for anything else, as esptool's FatalError says.
Result<uint32_t> flash_size_bytes(std::string_view text);

// Python's repr() of a string, used in argparse messages: 'x', or "x" when x holds a quote.
std::string py_repr(std::string_view text);

}  // namespace esptool::cli
