// An argparse work-alike over ArgSpec tables: the same matching (exact, '=value', attached short
// values, unique long prefixes), the same positional grouping and the same one-line messages,
// so esptool.py command lines are accepted or refused exactly as esptool.py v4.8.1 does.
// Deliberate extension: '-' and '_' are interchangeable in long option names (--flash-mode).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/cli/arg_spec.h"

namespace esptool::cli {

using Environment = std::map<std::string, std::string>;

struct ArgValues {
  // dest -> converted values; flags hold {"1"}; options that are unset and have no default are
  // absent.
  std::map<std::string, std::vector<std::string>> values;
  std::vector<std::string> unrecognized;  // reported by the top level, as argparse does
  bool wants_help = false;
  // Top-level parsing only: the first positional (the command) and everything after it.
  std::vector<std::string> rest;
};

// Parses `args` against `specs`. `prog` names the parser in messages ("esptool merge_bin").
// With `stop_at_positional`, the first positional and the arguments after it go to `rest`
// (argparse's subparser action). Errors are kBadArgument with argparse's message, e.g.
// "esptool merge_bin: error: argument --flash_mode/-fm: invalid choice: 'x' (choose from ...)".
Result<ArgValues> parse_args(const std::vector<ArgSpec>& specs, const std::vector<std::string>& args,
                             const std::string& prog, const Environment& env,
                             bool stop_at_positional);

// The name argparse uses for an argument in messages: "--output/-o" or "<address> <filename>".
std::string argument_name(const ArgSpec& spec);

// Help text: a usage line and one line per argument.
std::vector<std::string> help_lines(const std::vector<ArgSpec>& specs, const std::string& prog,
                                    const std::string& description);

}  // namespace esptool::cli
