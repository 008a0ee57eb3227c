// Flasher stubs by file name from a folder, in the converted form the engine reads: esptool-js's
// JSON files (its lib/targets/stub_flasher/) go through the core's conversion as the build's
// web/tools/convert-stubs.mjs does, and already converted .bin files (web/dist/stubs/) are read as
// they are. Shared by the engine tests and the bench tools.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/stub/stub_binary.h"

namespace esptool::testing {

inline stub::StubFiles read_stub_dir(const std::string& dir) {
  stub::StubFiles stubs;
  std::error_code ec;  // a missing folder is an empty set: device commands then run ROM-only
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    std::ifstream f(entry.path(), std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(f)), {});
    if (name.ends_with(".bin")) {
      stubs[name] = Bytes(content.begin(), content.end());
    } else if (name.starts_with("stub_flasher_") && name.ends_with(".json")) {
      Result<stub::StubImage> image = stub::parse_stub_json(content);
      if (!image.ok()) {
        std::fprintf(stderr, "%s: %s\n", entry.path().c_str(), image.error().message().c_str());
        std::abort();
      }
      stubs[stub::stub_binary_name(name)] = stub::encode_stub_binary(image.value());
    }
  }
  return stubs;
}

}  // namespace esptool::testing
