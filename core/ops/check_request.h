// Checks a DeviceRequest before anything touches the port (design.md principle 3): the command
// and option names, offsets, sizes and file layout. The CLI and the JS API both go through it,
// so neither can send a request the other would refuse. What needs the device (flash size,
// image chip id) is checked later, by the operations themselves.
#pragma once

#include "core/base/result.h"
#include "core/ops/device_command.h"

namespace esptool::ops {

// True for the 16 device commands of esptool.py v4.8.1 that DeviceRequest carries.
bool is_device_command(const std::string& command);

// Validates `request` and normalises it in place: Intel HEX inputs of write_flash/verify_flash
// become their binary content (as esptool does), the chip name is stripped ("ESP32-C3" ->
// "esp32c3"). Errors: kBadArgument (unknown command or option value, misaligned erase, empty
// file list, a region past 4 GiB), kUnknownChip, kOverlap (files sharing a 4 KiB sector).
Status check_device_request(DeviceRequest& request);

// The line rate to open the port at (esptool/__init__.py main()@v4.8.1): the ROM's 115200, or
// --baud when lower; --baud itself with --before no_reset_no_sync (nothing is synced first).
uint32_t initial_baud(const DeviceRequest& request);

}  // namespace esptool::ops
