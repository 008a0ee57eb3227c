// Serialises an ESP32-family image (image-format.md §4.4, §4.6): flash segments placed so their
// data sits at file offset ≡ load address (mod MMU page), RAM segments fill the gaps.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/base/result.h"
#include "core/chips/chip.h"
#include "core/image/firmware_image.h"
#include "core/image/image_writer.h"
#include "core/image/segment.h"

namespace esptool::image {

struct Esp32ImageLayout {
  const chips::ChipInfo* chip = nullptr;
  uint8_t flash_mode = 0;
  uint8_t flash_size_freq = 0;
  uint32_t entry = 0;
  ExtendedHeader extended;        // append_digest decides the SHA-256
  uint32_t irom_align = 0x10000;  // MMU page size
  int secure_pad = 0;             // 0 none, 1 Secure Boot v1, 2 Secure Boot v2
  bool ram_only_header = false;
  uint32_t pad_to_size = 0;
  std::optional<ElfDigestPatch> elf_digest;
};

// Takes the segments by value: a caller done with them moves them in, and their data is moved on
// into the image rather than copied.
Result<Bytes> save_esp32_image(std::vector<Segment> segments, const Esp32ImageLayout& layout);

// ESP8266 "v3" (RTOS SDK >= 3): ESP32-style file without the extended header, flash segments
// first in address order, SHA-256 always appended (bin_image.py ESP8266V3FirmwareImage).
Result<Bytes> save_esp8266_v3_image(const std::vector<Segment>& segments,
                                    const Esp32ImageLayout& layout);

// "Segment loaded at ... lands in same 64KB flash mapping" check shared by both layouts.
Status check_flash_pages(const std::vector<Segment>& flash_segments, uint32_t irom_align);

}  // namespace esptool::image
