// verify_flash (cmds.py verify_flash@v4.8.1): compares files with flash by MD5; with `diff`,
// reads the flash back and lists the differing bytes.
#pragma once

#include <vector>

#include "core/engine/link.h"
#include "core/image/flash_params.h"
#include "core/ops/write_flash.h"

namespace esptool::ops {

engine::Task<Status> verify_flash(engine::Link& link, std::vector<FlashFile> files,
                                  image::FlashParamsRequest flash_params, bool diff);

}  // namespace esptool::ops
