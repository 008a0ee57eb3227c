// Region erase order and the CPU-cost estimates shared by both loaders.
#include "hw-sim/loader/flash_ops.h"

namespace hwsim {

Millis erase_region(NorFlash& flash, uint32_t offset, uint32_t size, Millis now) {
  Millis t = now;
  while (size > 0 && offset % kBlockSize != 0) {
    t = flash.erase_sector(offset, t);
    offset += kSectorSize;
    size = size > kSectorSize ? size - kSectorSize : 0;
  }
  while (size > kBlockSize) {
    t = flash.erase_block(offset, t);
    offset += kBlockSize;
    size -= kBlockSize;
  }
  while (size > 0) {
    t = flash.erase_sector(offset, t);
    offset += kSectorSize;
    size = size > kSectorSize ? size - kSectorSize : 0;
  }
  return t;
}

Millis md5_cost(uint32_t length) { return static_cast<double>(length) / 5000.0; }

Millis inflate_cost(uint32_t output_bytes) { return static_cast<double>(output_bytes) / 15000.0; }

}  // namespace hwsim
