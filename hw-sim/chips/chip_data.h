// The per-chip ChipModel rows (one .cpp per chip), collected by registry.cpp.
#pragma once

#include "hw-sim/chips/chip_model.h"

namespace hwsim {

extern const ChipModel kEsp8266;
extern const ChipModel kEsp32;
extern const ChipModel kEsp32s2;
extern const ChipModel kEsp32s3;
extern const ChipModel kEsp32c2;
extern const ChipModel kEsp32c3;
extern const ChipModel kEsp32c5;
extern const ChipModel kEsp32c6;
extern const ChipModel kEsp32c61;
extern const ChipModel kEsp32h2;
extern const ChipModel kEsp32p4;

}  // namespace hwsim
