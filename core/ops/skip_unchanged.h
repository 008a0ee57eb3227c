// --skip-unchanged (our extension): find the 4 KiB sectors of a region whose flash contents
// differ from the new data, by asking the device for MD5s of 64 KiB blocks and then of the
// sectors inside blocks that differ.
#pragma once

#include <span>
#include <vector>

#include "core/engine/link.h"

namespace esptool::ops {

struct FlashRun {
  uint32_t offset;  // absolute flash offset, sector-aligned
  uint32_t size;
};

// Runs of consecutive differing sectors covering [offset, offset + data.size()); `offset` must be
// sector-aligned.
engine::Task<Result<std::vector<FlashRun>>> changed_runs(engine::Link& link, uint32_t offset,
                                                         std::span<const uint8_t> data);

}  // namespace esptool::ops
