// esptool.py v4.8.1's command line as data: the global options and every sub-command with its
// options, names, short forms, defaults, choices and ESPTOOL_* environment overrides
// (esptool/__init__.py@v4.8.1 main()).
#pragma once

#include <string_view>
#include <vector>

#include "core/cli/arg_spec.h"

namespace esptool::cli {

const std::vector<ArgSpec>& global_options();
// Sub-commands in esptool's order.
const std::vector<CommandSpec>& commands();
const CommandSpec* find_command(std::string_view name);

}  // namespace esptool::cli
