// --flash-file: the flash contents kept in a file between server runs. The server loads it at
// start and writes it back after every connection and at exit; the Device never sees files.
#pragma once

#include <string>

#include "hw-sim/base/bytes.h"

namespace hwsim::server {

// Reads `path`; a missing file gives an empty image (erased flash). Returns false with *error
// set when the file exists but cannot be read.
bool load_flash_file(const std::string& path, Bytes* image, std::string* error);
// Writes atomically (temporary file + rename).
bool save_flash_file(const std::string& path, std::span<const uint8_t> image, std::string* error);

}  // namespace hwsim::server
