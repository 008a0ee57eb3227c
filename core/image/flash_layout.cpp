#include "core/image/flash_layout.h"

#include <algorithm>

#include "core/base/error.h"

namespace esptool::image {
namespace {

// image-format.md §1: every ESP32-family and ESP8266 v1 image starts with this byte.
constexpr uint8_t kImageMagic = 0xE9;
// Bootloaders sit below the partition table (0x8000 by default).
constexpr uint32_t kBelowPartitionTable = 0x8000;

Status check_fits(const std::vector<AddressedFile>& files, uint32_t flash_size) {
  for (const AddressedFile& f : files) ESPT_TRY(check_fits_flash(f.name, f.data.size(), f.address, flash_size));
  return Status::Ok();
}

Status check_bootloader_offset(const std::vector<AddressedFile>& files, const chips::ChipInfo& chip) {
  // Another chip's bootloader offset: where a build for another chip puts its bootloader.
  const auto all = chips::all_chips();
  const auto other_chips_offset = [&](uint32_t address) {
    return address != chip.bootloader_offset &&
           std::any_of(all.begin(), all.end(),
                       [&](const chips::ChipInfo* c) { return c->bootloader_offset == address; });
  };
  for (const AddressedFile& f : files) {
    const bool is_image = !f.data.empty() && f.data[0] == kImageMagic;
    if (!is_image || f.address >= kBelowPartitionTable || !other_chips_offset(f.address)) continue;
    return make_error(Errc::kBadArgument,
                      strprintf("%s looks like a bootloader at 0x%x, but the %s bootloader goes "
                                "at 0x%x: move it there (or pick the build for this chip).",
                                f.name.c_str(), f.address, chip.name, chip.bootloader_offset));
  }
  return Status::Ok();
}

}  // namespace

Status check_fits_flash(const std::string& name, size_t size, uint32_t offset, uint32_t flash_size) {
  if (uint64_t(offset) + size <= flash_size) return Status::Ok();
  return make_error(Errc::kImageTooBig,
                    strprintf("File %s (length %zu) at offset %u will not fit in %u bytes of flash. "
                              "Change the --flash_size argument, or flashing address.",
                              name.c_str(), size, offset, flash_size));
}

Status check_flash_layout(const std::vector<AddressedFile>& files, const chips::ChipInfo* chip,
                          std::optional<uint32_t> flash_size) {
  ESPT_TRY(check_overlap(files));
  if (flash_size) ESPT_TRY(check_fits(files, *flash_size));
  if (chip) ESPT_TRY(check_bootloader_offset(files, *chip));
  return Status::Ok();
}

}  // namespace esptool::image
