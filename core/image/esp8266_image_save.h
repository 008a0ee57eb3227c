// ESP8266 v1 (ROM-loadable, IROM in a separate raw file) and v2 (0xEA header, IROM first,
// CRC-32 trailer) writers: image-format.md §2.1, §2.2.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/image/image_writer.h"
#include "core/image/output.h"
#include "core/image/segment.h"

namespace esptool::image {

struct Esp8266Header {
  uint8_t flash_mode = 0;
  uint8_t flash_size_freq = 0;
  uint32_t entry = 0;
  std::optional<ElfDigestPatch> elf_digest;
};

// The single segment in the IROM map (0x40200000-0x40300000), or nullptr; error if several.
Result<const Segment*> find_irom_segment(const std::vector<Segment>& segments);

// v1: returns "<prefix>0x%05x.bin" for the IROM segment (if any) then "<prefix>0x00000.bin".
Result<std::vector<OutputFile>> save_esp8266_v1(const std::vector<Segment>& segments,
                                                const Esp8266Header& h, const std::string& prefix);
Result<Bytes> save_esp8266_v2(const std::vector<Segment>& segments, const Esp8266Header& h);
// v2 default file name: "<input without extension>-0x%05x.bin" (IROM offset, sector-aligned).
std::string esp8266_v2_default_name(const std::vector<Segment>& segments,
                                    const std::string& input_name);

}  // namespace esptool::image
