// What the ROM prints on the UART after a reset (reset-and-boot.md §6, chips.md §10): the reset
// line with the reason and the latched straps, then "waiting for download" in download mode, or
// the flash-boot lines (load:/entry) read from the image at the chip's bootloader offset. The
// text templates are ChipModel::boot data; this file only fills them in.
#pragma once

#include <string>

#include "hw-sim/chips/chip_model.h"
#include "hw-sim/flash/nor_flash.h"

namespace hwsim {

enum class ResetReason { kPowerOn, kSoftware, kUsb };

std::string reset_banner(const ChipModel& chip, ResetReason reason, bool download);

// Log of an SPI (flash) boot after the reset line: preamble and one load line per segment of
// the 2nd-stage image and its entry, or the ROM's complaint when there is no valid image.
// *has_app tells whether an image was found (and would now start running).
std::string spi_boot_log(const ChipModel& chip, const NorFlash& flash, bool* has_app = nullptr);

}  // namespace hwsim
