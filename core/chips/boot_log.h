// Reading what a chip printed after a reset (its ROM boot log) to say why a connect failed:
// the "boot:0xNN" strapping value decoded with the chip's BootStrapRule, or what kind of bytes
// came instead. Pure functions over text; connect (core/ops) decides when to ask.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/chips/chip.h"

namespace esptool::chips {

struct BootLog {
  const ChipInfo* chip = nullptr;  // from the caller, or recognised by the ROM banner; may stay null
  std::optional<uint32_t> strap;   // the boot:0x.. value, when the log has one
  std::string strap_text;          // as printed: "0x13"
  std::string mode_name;           // the ROM's words for it: "SPI_FAST_FLASH_BOOT" (may be empty)
  bool waiting_for_download = false;
  // True when the strap is a download-mode value for `chip` (known chip and rule only).
  std::optional<bool> download;
};

// Finds the last reset's boot line in `text` (the stray bytes since the reset). `known` is the
// chip named by --chip, or null; the ROM banner then names it where it can.
BootLog read_boot_log(std::string_view text, const ChipInfo* known);

// The chip that prints `text`'s ROM banner ("ESP-ROM:esp32c3-...", "ets Jul 29 2019"), or null.
const ChipInfo* chip_from_banner(std::string_view text);

// Share of bytes in `text` that are neither printable ASCII, UTF-8 sequences nor line control;
// 0 for empty text.
double unreadable_share(std::string_view text);

// Why nobody answered the SYNCs, as one sentence saying what to do (an Error hint). `text` is
// what arrived since the last reset; `known` as above; `baud` the rate the host listened at.
// Returns "" when there is nothing better to say than the sync error itself.
std::string connect_failure_hint(std::string_view text, const ChipInfo* known, uint32_t baud);

}  // namespace esptool::chips
