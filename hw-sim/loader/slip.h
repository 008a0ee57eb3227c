// The device side of SLIP framing (serial-protocol.md §1), written independently of core/proto.
// SlipReceiver is what the chip's UART handler does: ignore bytes outside a frame, collect a
// frame between two C0 bytes, undo DB DC / DB DD escapes, drop a frame with a bad escape, and
// cut a frame that overflows the receive buffer (the stub does exactly that at 0x4000 + 64).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "hw-sim/base/bytes.h"

namespace hwsim {

// C0 + escaped payload + C0.
Bytes slip_frame(std::span<const uint8_t> payload);

class SlipReceiver {
 public:
  explicit SlipReceiver(size_t max_frame = 0x10000) : max_frame_(max_frame) {}

  // Feeds one byte; returns a completed non-empty frame.
  std::optional<Bytes> push(uint8_t byte);
  void reset();
  bool in_frame() const { return state_ != State::kIdle; }
  void set_max_frame(size_t max_frame) { max_frame_ = max_frame; }

 private:
  enum class State { kIdle, kFrame, kEscape };
  State state_ = State::kIdle;
  Bytes buffer_;
  size_t max_frame_;
};

}  // namespace hwsim
