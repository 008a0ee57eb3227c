#include "core/ops/skip_unchanged.h"

#include <algorithm>

#include "core/ops/flash_md5.h"
#include "core/util/md5.h"

namespace esptool::ops {
namespace {

constexpr uint32_t kCoarseBlock = 0x10000;
constexpr uint32_t kSector = 0x1000;

void add_sector(std::vector<FlashRun>& runs, uint32_t offset, uint32_t size) {
  if (!runs.empty() && runs.back().offset + runs.back().size == offset) {
    runs.back().size += size;
  } else {
    runs.push_back({offset, size});
  }
}

engine::Task<Result<bool>> differs(engine::Link& link, uint32_t offset, std::span<const uint8_t> part) {
  Result<Bytes> device = co_await flash_md5(link, offset, uint32_t(part.size()));
  if (!device.ok()) co_return device.error();
  co_return device.value() != util::md5(part);
}

}  // namespace

engine::Task<Result<std::vector<FlashRun>>> changed_runs(engine::Link& link, uint32_t offset,
                                                         std::span<const uint8_t> data) {
  ESPT_CHECK(offset % kSector == 0, "skip-unchanged needs a sector-aligned offset");
  std::vector<FlashRun> runs;
  const uint32_t size = uint32_t(data.size());
  for (uint32_t at = 0; at < size; at += kCoarseBlock) {
    const uint32_t len = std::min(kCoarseBlock, size - at);
    Result<bool> block = co_await differs(link, offset + at, data.subspan(at, len));
    if (!block.ok()) co_return block.error();
    link.progress("compare", at + len, size);
    if (!block.value()) continue;
    for (uint32_t s = at; s < at + len; s += kSector) {
      const uint32_t slen = std::min(kSector, at + len - s);
      Result<bool> sector = co_await differs(link, offset + s, data.subspan(s, slen));
      if (!sector.ok()) co_return sector.error();
      if (sector.value()) add_sector(runs, offset + s, slen);
    }
  }
  co_return runs;
}

}  // namespace esptool::ops
