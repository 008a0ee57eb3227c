// Streaming zlib compression (level 9, zlib header + Adler-32: what esptool's zlib.compress(data,
// 9) produces) so the first blocks can be sent while the rest is still being compressed.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "core/base/bytes.h"

namespace esptool::util {

class StreamingDeflate {
 public:
  explicit StreamingDeflate(int level = 9);
  ~StreamingDeflate();
  StreamingDeflate(const StreamingDeflate&) = delete;
  StreamingDeflate& operator=(const StreamingDeflate&) = delete;

  // Compresses `input` (appended to what came before); output accumulates internally.
  void push(std::span<const uint8_t> input);
  // Ends the stream.
  void finish();
  // Compressed bytes produced so far and not yet taken (all of them, or at most `max`).
  Bytes take(size_t max = SIZE_MAX);
  size_t available() const { return out_.size() - taken_; }
  bool finished() const { return finished_; }
  uint64_t total_in() const { return total_in_; }
  uint64_t total_out() const { return total_out_; }

  // Upper bound of the compressed size of `size` input bytes (zlib deflateBound).
  static uint64_t bound(uint64_t size);

 private:
  void run(std::span<const uint8_t> input, int flush);
  struct State;
  std::unique_ptr<State> state_;
  Bytes out_;
  size_t taken_ = 0;
  bool finished_ = false;
  uint64_t total_in_ = 0;
  uint64_t total_out_ = 0;
};

// Whole-buffer helpers (tests, ROM writes that need the exact compressed size up front).
Bytes deflate_all(std::span<const uint8_t> input, int level = 9);
Bytes inflate_all(std::span<const uint8_t> input, size_t expected_size);

}  // namespace esptool::util
