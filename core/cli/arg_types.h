// Value conversion and checks for one argument (argparse's `type=` and `choices=` steps).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/cli/arg_spec.h"

namespace esptool::cli {

// Converts `raw` by spec.type, then checks spec.choices / range. The error text is argparse's
// message after "argument X: ", e.g. "invalid arg_auto_int value: 'zz'".
Result<std::string> convert_value(const ArgSpec& spec, std::string_view raw);

// AddrFilenamePairAction's checks on the raw words: an even count, numeric addresses.
Status check_addr_filename_pairs(const std::vector<std::string>& words);

}  // namespace esptool::cli
