// MD5 (RFC 1321) for SPI_FLASH_MD5 and READ_FLASH digests. The simulator's own implementation:
// it must not share code with core/util/md5 so a bug on one side cannot hide the same bug on the
// other (design.md, principle 2).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace hwsim {

class Md5 {
 public:
  Md5();
  void update(std::span<const uint8_t> data);
  std::array<uint8_t, 16> finish();

 private:
  void block(const uint8_t* chunk);

  uint32_t state_[4];
  uint64_t length_bytes_ = 0;
  uint8_t pending_[64];
  size_t pending_size_ = 0;
};

std::array<uint8_t, 16> md5(std::span<const uint8_t> data);
// Lower-case hex, the form the ESP32 ROM's SPI_FLASH_MD5 reply carries (serial-protocol.md §10).
std::string to_hex(std::span<const uint8_t> digest);

}  // namespace hwsim
