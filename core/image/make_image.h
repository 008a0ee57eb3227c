// make_image (cmds.py make_image@v4.8.1): raw files + addresses -> an ESP8266 v1 image. The
// output argument is a prefix, so the file written is "<output>0x00000.bin" (image-format §2.4).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"
#include "core/image/output.h"

namespace esptool::image {

struct MakeImageOptions {
  std::string output;
  std::vector<std::pair<uint32_t, Bytes>> segments;  // (load address, data)
  uint32_t entry = 0;
  std::string chip = "auto";  // only echoed in the messages, as esptool does
};

Result<CommandOutput> make_image(const MakeImageOptions& opts);

}  // namespace esptool::image
