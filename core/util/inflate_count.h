// How many uncompressed bytes a zlib stream has delivered so far, block by block: what esptool's
// write_flash learns by decompressing each block it sends (cmds.py write_flash@v4.8.1,
// "bytes_written"), used for its progress lines. The output itself is discarded.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

namespace esptool::util {

class InflateCounter {
 public:
  InflateCounter();
  ~InflateCounter();
  InflateCounter(const InflateCounter&) = delete;
  InflateCounter& operator=(const InflateCounter&) = delete;

  // Feeds the next compressed bytes; returns the uncompressed total so far. Corrupt input stops
  // the count where it is (the device reports the real error).
  uint64_t push(std::span<const uint8_t> compressed);
  uint64_t total() const { return total_; }

 private:
  struct State;
  std::unique_ptr<State> state_;
  uint64_t total_ = 0;
  bool stopped_ = false;
};

}  // namespace esptool::util
