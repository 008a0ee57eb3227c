// bin_image.py merge_adjacent_segments@v4.8.1: joins list-neighbours that are contiguous, in the
// same memory regions and of the same exec flag.
#pragma once

#include <vector>

#include "core/chips/chip.h"
#include "core/image/segment.h"

namespace esptool::image {

void merge_adjacent_segments(std::vector<Segment>& segments, const chips::ChipInfo& memory_map_chip);

}  // namespace esptool::image
