// Runs a parsed offline command (elf2image, image_info, merge_bin, make_image, version, help)
// on input files the caller has read, returning esptool.py's stdout lines and the files to
// write. The CLI front ends (tests/tools/esptool_native.cpp, web/cli/esptool-wasm.js) only do
// the file I/O around this, so both print the same lines and write the same bytes.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/result.h"
#include "core/cli/parse.h"
#include "core/image/output.h"

namespace esptool::cli {

using InputFiles = std::map<std::string, Bytes>;

// `inputs` maps every path of cmd.input_paths() to its bytes. The first line is the banner
// (banner_line()), except for "help" (no banner) and "version" ("esptool-wasm vX", then
// "4.8.1" as esptool.py prints). Errors are the command's own (one sentence each);
// device commands give kBadArgument "... needs a device ...", as this build has no engine yet.
// `inputs` is taken by value so that callers can move files in and merge_bin can move them on.
Result<image::CommandOutput> run_offline(const ParsedCommand& cmd, InputFiles inputs);

// "esptool-wasm v0.1.0 (esptool.py v4.8.1 compatible)" where esptool prints "esptool.py v4.8.1":
// once the arguments are parsed, before the command.
std::string banner_line();

// The error for an output file that could not be written.
Error write_failed(const std::string& path);

// "A fatal error occurred: <message>", esptool's last line for a failed command.
std::string fatal_error_line(const Error& error);

// What the CLI prints for a failed device command: fatal_error_line(), then, when no chip
// answered (kNoSync), esptool's troubleshooting link (loader.py connect() ends its message with
// it), then the error's hint (what to try; the page shows the same sentence), when it has one.
std::vector<std::string> fatal_error_lines(const Error& error);

}  // namespace esptool::cli
