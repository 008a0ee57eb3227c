// image_info (image-format.md §6): facts about an image as data (for the page) and as
// esptool's --version 1 / --version 2 text (for the CLI).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/image/firmware_image.h"
#include "core/image/output.h"

namespace esptool::image {

struct AppDescription {
  uint32_t secure_version = 0;
  std::string version, project_name, time, date, idf_ver;
  Bytes app_elf_sha256;
};

struct BootloaderDescription {
  uint32_t version = 0;
  std::string idf_ver, date_time;
};

struct ImageInfo {
  uint32_t file_size = 0;
  bool chip_detected = false;        // --chip auto was used
  ParsedImage image;
  std::optional<AppDescription> app;
  std::optional<BootloaderDescription> bootloader;
};

struct ImageInfoOptions {
  std::string chip = "auto";
  int version = 1;  // output format 1 or 2
};

// `bytes` may be a binary or Intel HEX text (starting with ':').
Result<ImageInfo> image_info(std::span<const uint8_t> bytes, const ImageInfoOptions& opts);
// esptool's printed lines for `info` (without the "esptool.py v4.8.1" banner).
std::vector<std::string> render_image_info(const ImageInfo& info, const ImageInfoOptions& opts);

}  // namespace esptool::image
