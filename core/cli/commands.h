// esptool.py v4.8.1's command line as data: the global options and every sub-command with its
// options, names, short forms, defaults, choices and ESPTOOL_* environment overrides
// (esptool/__init__.py@v4.8.1 main()).
#pragma once

#include <string_view>
#include <vector>

#include "core/cli/arg_spec.h"

namespace esptool::cli {

const std::vector<ArgSpec>& global_options();

struct CommandSummary {
  std::string_view name;
  std::string_view help;
  bool is_offline = false;  // runs without a device (elf2image, image_info, ...)
};
// Sub-commands in esptool's order, without their arguments.
std::vector<CommandSummary> command_summaries();
// The sub-command `name` with its arguments (built on first use), or nullptr.
const CommandSpec* find_command(std::string_view name);

}  // namespace esptool::cli
