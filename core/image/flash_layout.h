// What the page checks before it writes anything: the files' layout against the chip and the
// flash size it detected. esptool finds the first two of these problems itself only once it is
// connected (or not at all, for a bootloader at another chip's offset); the page refuses them
// up front so that nothing is written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/chips/chip.h"
#include "core/image/address_pairs.h"

namespace esptool::image {

// One file of `size` bytes at `offset` against `flash_size` bytes of flash: write_flash's refusal
// (Errc::kImageTooBig) in esptool's words.
Status check_fits_flash(const std::string& name, size_t size, uint32_t offset, uint32_t flash_size);

// Refuses, with one sentence each, in this order:
// - files that share a 4 KiB sector (esptool's overlap rule, check_overlap; Errc::kOverlap);
// - a file that ends past `flash_size` bytes, when the size is known (Errc::kImageTooBig, in
//   write_flash's words);
// - a firmware image (magic 0xE9) at an offset where another chip's bootloader goes but not this
//   chip's, e.g. an ESP32 bootloader at 0x1000 on an ESP32-S3, whose bootloader is at 0x0: the
//   chip would not boot (Errc::kBadArgument, naming both offsets).
// `chip` may be null (no chip known yet): the bootloader rule is then skipped.
Status check_flash_layout(const std::vector<AddressedFile>& files, const chips::ChipInfo* chip,
                          std::optional<uint32_t> flash_size);

}  // namespace esptool::image
