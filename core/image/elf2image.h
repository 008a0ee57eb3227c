// elf2image (image-format.md §4): ELF -> ESP8266 v1/v2/v3 or ESP32-family image, byte-identical
// to esptool v4.8.1 for the same options.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/base/result.h"
#include "core/image/output.h"

namespace esptool::image {

struct Elf2ImageOptions {
  std::string chip = "auto";          // auto -> esp8266
  std::string input_name = "image.elf";  // used for default output names
  std::optional<std::string> output;  // -o: prefix (ESP8266 v1) or file name
  int version = 1;                    // ESP8266 only: 1, 2, 3
  std::string flash_mode = "qio";
  std::optional<std::string> flash_freq;  // none -> code 0
  std::string flash_size = "1MB";
  bool use_segments = false;
  uint8_t min_rev = 0;
  uint16_t min_rev_full = 0;
  uint16_t max_rev_full = 0xFFFF;
  bool secure_pad = false;
  bool secure_pad_v2 = false;
  std::optional<uint32_t> elf_sha256_offset;
  bool dont_append_digest = false;
  std::optional<uint32_t> pad_to_size;
  bool ram_only_header = false;
  std::optional<uint32_t> flash_mmu_page_size;
};

Result<CommandOutput> elf2image(std::span<const uint8_t> elf_bytes, const Elf2ImageOptions& opts);

}  // namespace esptool::image
