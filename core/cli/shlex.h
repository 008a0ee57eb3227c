// `@file` argument files (image-format.md §8): POSIX shell-style splitting of their text, as
// esptool.py v4.8.1 does with shlex.split per line. Reading the files is the caller's job.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace esptool::cli {

// Splits one line like Python's shlex.split(line) (posix=True, comments=False): whitespace
// separates, '...' groups literally, "..." groups with \" and \\ escapes, a backslash outside
// quotes escapes the next character, '#' is an ordinary character. Errors (kBadArgument):
// "No closing quotation", "No escaped character".
Result<std::vector<std::string>> shlex_split(std::string_view line);

// Splits a whole argument file: each line (ended by \n, \r\n or \r, as Python's text mode reads
// them) is split on its own, and the words are concatenated in order.
Result<std::vector<std::string>> split_argument_file(std::string_view text);

// The file names that `argv` asks to expand (every argument starting with '@', without the '@'),
// in order, each once.
std::vector<std::string> argument_files(const std::vector<std::string>& argv);

struct ExpandedArguments {
  std::vector<std::string> args;
  // "esptool.py <args joined by spaces>" when any expansion happened (esptool prints it first).
  std::vector<std::string> lines;
};

// Replaces each "@name" argument by the words of `file_texts[name]` (one level: words that start
// with '@' are kept as they are). A name missing from `file_texts` is kFileNotFound.
Result<ExpandedArguments> expand_file_arguments(
    const std::vector<std::string>& argv, const std::map<std::string, std::string>& file_texts);

}  // namespace esptool::cli
