// SLIP framing (RFC 1055 as used by the ESP ROM loader, serial-protocol.md §1). The decoder is an
// explicit state machine: push bytes, get whole frames; bytes outside frames are reported, not
// dropped, so the engine can show a boot log or a stub greeting.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <variant>

#include "core/base/bytes.h"

namespace esptool::proto {

inline constexpr uint8_t kSlipEnd = 0xC0;
inline constexpr uint8_t kSlipEsc = 0xDB;
inline constexpr uint8_t kSlipEscEnd = 0xDC;
inline constexpr uint8_t kSlipEscEsc = 0xDD;

// Frames `payload`: C0, escaped bytes (DB -> DB DD, C0 -> DB DC), C0.
Bytes slip_encode(std::span<const uint8_t> payload);

struct SlipFrame {
  Bytes payload;
};
struct SlipStray {
  uint8_t byte;  // a byte outside any frame (boot text, noise)
};
struct SlipBadEscape {
  uint8_t byte;  // DB followed by something other than DC/DD; the frame is discarded
};
using SlipEvent = std::variant<SlipFrame, SlipStray, SlipBadEscape>;

class SlipDecoder {
 public:
  // Feeds one byte; returns an event when one completes.
  std::optional<SlipEvent> push(uint8_t byte);
  bool in_frame() const { return state_ != State::kIdle; }
  size_t partial_size() const { return buffer_.size(); }
  void reset();

 private:
  enum class State { kIdle, kInFrame, kEscape };
  State state_ = State::kIdle;
  Bytes buffer_;
};

}  // namespace esptool::proto
