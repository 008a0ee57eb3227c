#include "core/image/segment_merge.h"

namespace esptool::image {
namespace {
constexpr uint32_t kElfFlagExec = 0x4;  // SHF_EXECINSTR (sections) / PF_R (program headers)
}

void merge_adjacent_segments(std::vector<Segment>& segments, const chips::ChipInfo& chip) {
  if (segments.empty()) return;
  // Walk backwards so each element sees the already-merged tail of its successor.
  std::vector<Segment> kept_reversed;
  for (size_t i = segments.size() - 1; i > 0; --i) {
    Segment& prev = segments[i - 1];
    Segment& next = segments[i];
    const bool mergeable = chip.memory_names(prev.address) == chip.memory_names(next.address) &&
                           prev.include_in_checksum == next.include_in_checksum &&
                           next.address == prev.address + prev.data.size() &&
                           (next.flags & kElfFlagExec) == (prev.flags & kElfFlagExec);
    if (mergeable) {
      append(prev.data, next.data);
    } else {
      kept_reversed.push_back(std::move(next));
    }
  }
  kept_reversed.push_back(std::move(segments[0]));
  segments.assign(std::make_move_iterator(kept_reversed.rbegin()),
                  std::make_move_iterator(kept_reversed.rend()));
}

}  // namespace esptool::image
