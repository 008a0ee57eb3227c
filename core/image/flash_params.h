// Flash-parameter patching of a bootloader image header (image-format.md §5), shared by
// merge_bin, write_flash and verify_flash.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/result.h"
#include "core/chips/chip.h"

namespace esptool::image {

struct FlashParamsRequest {
  std::string mode = "keep";
  std::string freq = "keep";
  std::string size = "keep";  // "detect" must be resolved by the caller first
};

// Patches `data` in place when `address` is the chip's bootloader offset; appends esptool's
// messages/warnings to `lines`. Errors for values the chip does not know.
Status update_image_flash_params(Bytes& data, uint32_t address, const chips::ChipInfo& chip,
                                 const FlashParamsRequest& req, std::vector<std::string>& lines);

}  // namespace esptool::image
