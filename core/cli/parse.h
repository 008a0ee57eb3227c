// esptool.py v4.8.1 command lines -> ParsedCommand: the global options, the sub-command and its
// arguments, checked and defaulted exactly as esptool's argparse setup does (commands.h). No
// file is read here: input_paths() tells the caller which files the command needs.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"
#include "core/cli/arg_parser.h"
#include "core/image/address_pairs.h"

namespace esptool::cli {

struct ParsedCommand {
  std::string command;  // "elf2image", "write_flash", ...; "help" when -h/--help was given
  bool is_offline = false;
  // Values by argparse dest, converted (integers in decimal, chip names stripped); flags hold
  // "1"; options that are unset and have no default are absent.
  std::map<std::string, std::vector<std::string>> global;
  std::map<std::string, std::vector<std::string>> args;
  std::vector<std::string> help;  // for "help": the text to print

  std::optional<std::string> get(const std::string& dest) const;  // a command argument
  std::optional<int64_t> get_int(const std::string& dest) const;
  bool flag(const std::string& dest) const;
  std::vector<std::string> list(const std::string& dest) const;
  std::string chip() const;  // --chip, "auto" by default
  // Address/file pairs of merge_bin / write_flash / verify_flash (dest "addr_filename").
  std::vector<image::AddressPath> address_files(const std::string& dest = "addr_filename") const;
  // Every file the command reads, in argument order, each once.
  std::vector<std::string> input_paths() const;
};

// Parses arguments (after @file expansion). `env` supplies ESPTOOL_* default overrides. Errors
// (kBadArgument) carry argparse's one-line message, e.g.
// "esptool elf2image: error: argument --flash_mode/-fm: invalid choice: 'x' (choose from 'qio', ...)".
Result<ParsedCommand> parse_command_line(const std::vector<std::string>& argv,
                                         const Environment& env = {});

}  // namespace esptool::cli
