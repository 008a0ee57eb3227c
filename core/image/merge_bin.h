// merge_bin (image-format.md §7): several files at offsets -> one raw / Intel HEX / UF2 file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/result.h"
#include "core/image/output.h"

namespace esptool::image {

struct AddressedFile {
  uint32_t address;
  std::string name;  // as typed (messages)
  Bytes data;
};

struct MergeBinOptions {
  std::string chip;                 // required, not "auto"
  std::string output;               // required
  std::string format = "raw";       // raw | hex | uf2
  std::string flash_mode = "keep";
  std::string flash_freq = "keep";
  std::string flash_size = "keep";
  uint32_t target_offset = 0;
  std::optional<uint32_t> fill_flash_size;
  std::optional<uint32_t> chunk_size;
  bool md5_disable = false;
};

Result<CommandOutput> merge_bin(std::vector<AddressedFile> files, const MergeBinOptions& opts);

}  // namespace esptool::image
