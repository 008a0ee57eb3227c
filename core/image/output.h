// What an offline command produces: lines for stdout (esptool's wording) and files to write.
// Core does no I/O; the CLI and the page decide where the files go.
#pragma once

#include <string>
#include <vector>

#include "core/base/bytes.h"

namespace esptool::image {

struct OutputFile {
  std::string name;
  Bytes data;
};

struct CommandOutput {
  std::vector<std::string> lines;
  std::vector<OutputFile> files;
};

}  // namespace esptool::image
