// A memory-mapped block that owns some addresses of the chip's bus (READ_REG/WRITE_REG targets).
#pragma once

#include <cstdint>

#include "hw-sim/base/time.h"

namespace hwsim {

class Peripheral {
 public:
  virtual ~Peripheral() = default;
  // Return false when `address` is not this peripheral's; reads then fall through to RAM.
  virtual bool read(uint32_t address, Millis now, uint32_t* value) = 0;
  virtual bool write(uint32_t address, uint32_t value, Millis now) = 0;
};

}  // namespace hwsim
