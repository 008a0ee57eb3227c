// The refusals esptool's write_flash makes before touching the flash unless --force is given
// (cmds.py write_flash v4.8.1): Secure Boot protects the bootloader region, and every file that
// parses as an app image must be for this chip and this chip's revision.
#pragma once

#include <vector>

#include "core/engine/link.h"
#include "core/ops/write_flash.h"

namespace esptool::ops {

// Whether Secure Boot is on (eFuses read from the chip); false on ESP8266 and in Secure Download
// Mode, where esptool cannot tell.
engine::Task<Result<bool>> read_secure_boot_enabled(engine::Link& link);

// ESP8266 and Secure Download Mode skip the checks, as esptool does. Uses the chip and revision
// describe_chip recorded in the session; the first refusal is returned as one Error.
Status check_write_allowed(const engine::Session& session, const std::vector<FlashFile>& files,
                           bool secure_boot);

}  // namespace esptool::ops
