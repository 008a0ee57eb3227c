// MD5 (RFC 1321): used by UF2 block digests and flash verification.
#pragma once

#include <cstdint>
#include <span>

#include "core/base/bytes.h"

namespace esptool::util {

class Md5 {
 public:
  Md5();
  void update(std::span<const uint8_t> data);
  Bytes finish();  // 16 bytes

 private:
  void block(const uint8_t* p);
  uint32_t s_[4];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

Bytes md5(std::span<const uint8_t> data);

}  // namespace esptool::util
