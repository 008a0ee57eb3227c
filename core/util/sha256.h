// SHA-256 (FIPS 180-4). Streaming and one-shot.
#pragma once

#include <cstdint>
#include <span>

#include "core/base/bytes.h"

namespace esptool::util {

class Sha256 {
 public:
  Sha256();
  void update(std::span<const uint8_t> data);
  Bytes finish();  // 32 bytes

 private:
  void block(const uint8_t* p);
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

Bytes sha256(std::span<const uint8_t> data);

}  // namespace esptool::util
