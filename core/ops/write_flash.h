// write_flash (cmds.py write_flash@v4.8.1) over already-read files: checks first (chip id,
// sizes), then per file: pad, header patch, write (compressed by default with the stub), MD5
// verify. Extension: skip_unchanged compares block MD5s first and rewrites only what differs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/engine/link.h"
#include "core/ops/recovery.h"
#include "core/image/flash_params.h"

namespace esptool::ops {

struct FlashFile {
  uint32_t offset;
  Bytes data;
  std::string name;  // as typed, for messages
};

struct WriteFlashOptions {
  std::optional<bool> compress;  // default: compress when the stub runs
  bool verify = true;            // MD5 after each file
  bool skip_unchanged = false;
  bool erase_all = false;
  bool force = false;            // skip the image chip-id check
  image::FlashParamsRequest flash_params;  // "detect" already resolved by the caller
  std::optional<uint32_t> flash_end;       // detected or set flash size: files must fit
  // Resume after line noise (ops/recovery.h); null: the first error ends the write, as esptool.
  const Recovery* recovery = nullptr;
};

engine::Task<Status> write_flash(engine::Link& link, std::vector<FlashFile> files,
                                 WriteFlashOptions opts);

}  // namespace esptool::ops
