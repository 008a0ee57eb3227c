// Streaming zlib compression (level 9, zlib header + Adler-32: what esptool's zlib.compress(data,
// 9) produces) so the first blocks can be sent while the rest is still being compressed.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

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
  // How much input zlib had consumed when its output first reached `out_bytes`: the uncompressed
  // size behind the first `out_bytes` compressed bytes, running ahead of it by at most the deflate
  // block zlib was still holding back (a few KB to a few tens of KB). Progress only: esptool
  // decompresses what it sent to count exactly, which needs an inflater the device module
  // otherwise does without.
  uint64_t input_behind(uint64_t out_bytes) const;

  // Upper bound of the compressed size of `size` input bytes (zlib deflateBound).
  static uint64_t bound(uint64_t size);

 private:
  void run(std::span<const uint8_t> input, int flush);
  struct State;
  std::unique_ptr<State> state_;
  Bytes out_;
  size_t taken_ = 0;
  bool finished_ = false;
  // (total output, total input consumed) after each deflate() call that produced output.
  std::vector<std::pair<uint64_t, uint64_t>> checkpoints_;
  uint64_t total_in_ = 0;
  uint64_t total_out_ = 0;
};

// Whole-buffer helpers (tests, ROM writes that need the exact compressed size up front).
Bytes deflate_all(std::span<const uint8_t> input, int level = 9);
Bytes inflate_all(std::span<const uint8_t> input, size_t expected_size);

}  // namespace esptool::util
