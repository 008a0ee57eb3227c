// Version facts shared by the CLI front ends and the `version` command.
#pragma once

namespace esptool::cli {

// The esptool.py release whose syntax, defaults and output this project matches.
inline constexpr const char* kEsptoolVersion = "4.8.1";
// This project's own version (package.json "version").
inline constexpr const char* kVersion = "0.1.0";

}  // namespace esptool::cli
