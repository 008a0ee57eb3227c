// libFuzzer target: the CLI's argument parser. The input is split at NUL bytes into argv words;
// the first word's text also serves as the contents of an @file named "f", so @file expansion
// (shlex splitting) and the esptool.py argument grammar both see arbitrary input.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/cli/parse.h"
#include "core/cli/shlex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> argv(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) argv.emplace_back();
    else argv.back().push_back(char(data[i]));
  }
  const std::map<std::string, std::string> files{{"f", argv.front()}};
  (void)esptool::cli::split_argument_file(argv.front());
  auto expanded = esptool::cli::expand_file_arguments(argv, files);
  if (expanded.ok()) (void)esptool::cli::parse_command_line(expanded.value().args);
  (void)esptool::cli::parse_command_line(argv);
  return 0;
}
