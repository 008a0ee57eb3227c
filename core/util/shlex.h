// POSIX shell-style word splitting as Python's shlex.split does it (posix mode, no comments), and
// esptool's per-line splitting of `@file` arguments (image-format.md §8). No file access here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace esptool::util {

// shlex.split(text): words separated by space, tab, CR, LF; '...' is literal; "..." is literal
// except that a backslash escapes '"' and '\'; outside quotes a backslash escapes any character;
// adjacent quoted and unquoted parts join into one word; '' gives an empty word; '#' is an
// ordinary character. Errors (kBadArgument): "No closing quotation", "No escaped character".
Result<std::vector<std::string>> shlex_split(std::string_view text);

// esptool's expand_file_arguments for one file's text: lines split at \n, \r\n or \r (Python text
// mode), each line split with shlex_split, the words concatenated. Errors name the line.
Result<std::vector<std::string>> split_argument_file(std::string_view text);

}  // namespace esptool::util
