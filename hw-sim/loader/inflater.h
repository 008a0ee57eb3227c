// Inflater: a zlib-stream decompressor with bounded output per step, the shape of miniz's tinfl
// loop that the ROM and the stub run over FLASH_DEFL_DATA blocks. Uses zlib's inflate (the only
// thing hw-sim takes from a library for the protocol).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace hwsim {

class Inflater {
 public:
  enum class Status { kNeedsMore, kDone, kError };
  struct Step {
    size_t consumed = 0;
    size_t produced = 0;
    Status status = Status::kNeedsMore;
  };

  Inflater();
  ~Inflater();
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  void reset();
  // Consumes from `input` and writes at most `out.size()` bytes; call again while input remains.
  Step step(std::span<const uint8_t> input, std::span<uint8_t> out);
  bool is_done() const { return done_; }

 private:
  struct State;
  std::unique_ptr<State> state_;
  bool done_ = false;
  bool failed_ = false;
};

}  // namespace hwsim
