// Stub JSON texts by file name from a folder (esptool-js's stub_flasher/), as the CLI passes them
// to core: shared by the engine tests and the bench tools.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

namespace esptool::testing {

inline std::map<std::string, std::string> read_stub_dir(const std::string& dir) {
  std::map<std::string, std::string> stubs;
  std::error_code ec;  // a missing folder is an empty set: device commands then run ROM-only
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream f(entry.path());
    stubs[entry.path().filename().string()] = std::string(std::istreambuf_iterator<char>(f), {});
  }
  return stubs;
}

}  // namespace esptool::testing
