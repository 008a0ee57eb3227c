// A loadable segment of a firmware image: load address + data.
#pragma once

#include <cstdint>
#include <string>

#include "core/base/bytes.h"

namespace esptool::image {

struct Segment {
  uint32_t address = 0;
  Bytes data;
  std::string name;            // ELF section name when known ("" when read from an image)
  uint32_t file_offset = 0;    // offset of the 8-byte segment header in the file (when parsed)
  uint32_t flags = 0;          // ELF flags (SHF_EXECINSTR / PF_R bit 2 used by merging)
  bool include_in_checksum = true;
};

}  // namespace esptool::image
