// Accessors for each chip's row; each is defined in its own data file.
#pragma once

#include "core/chips/chip.h"

namespace esptool::chips {

const ChipInfo& esp8266();
const ChipInfo& esp32();
const ChipInfo& esp32s2();
const ChipInfo& esp32s3();
const ChipInfo& esp32s3beta2();
const ChipInfo& esp32c3();
const ChipInfo& esp32c2();
const ChipInfo& esp32c6();
const ChipInfo& esp32c6beta();
const ChipInfo& esp32c61();
const ChipInfo& esp32c5();
const ChipInfo& esp32c5beta3();
const ChipInfo& esp32h2();
const ChipInfo& esp32h2beta1();
const ChipInfo& esp32h2beta2();
const ChipInfo& esp32p4();

}  // namespace esptool::chips
