// esp_app_desc_t / esp_bootloader_desc_t readers (image-format.md §3.1) and which segment
// image_info takes them from.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "core/image/image_info.h"

namespace esptool::image {

// `raw_strings` keeps the NUL padding of the fixed-size fields, as esptool v4.8.1 prints them.
std::optional<AppDescription> read_app_description(std::span<const uint8_t> data, bool raw_strings);
std::optional<BootloaderDescription> read_bootloader_description(std::span<const uint8_t> data,
                                                                 bool raw_strings);

// cmds.py image_info v2: the last segment in DROM supplies the app description; only when there
// is none, the last DRAM segment of >= 80 bytes supplies the bootloader description.
struct DescriptionSources {
  const Segment* app = nullptr;
  const Segment* bootloader = nullptr;
};
DescriptionSources find_description_segments(const ParsedImage& image);

}  // namespace esptool::image
