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
// Largest payload the decoder collects. No reply is bigger than a stub READ_FLASH packet (4 KiB);
// a stray delimiter followed by noise without another one must not grow a buffer without bound.
inline constexpr size_t kSlipMaxPayload = 0x10000;

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
struct SlipOversize {
  size_t size;  // bytes collected when the limit was passed; the frame is discarded
};
using SlipEvent = std::variant<SlipFrame, SlipStray, SlipBadEscape, SlipOversize>;

class SlipDecoder {
 public:
  explicit SlipDecoder(size_t max_payload = kSlipMaxPayload) : max_payload_(max_payload) {}
  // Feeds one byte; returns an event when one completes.
  std::optional<SlipEvent> push(uint8_t byte);
  bool in_frame() const { return state_ != State::kIdle; }
  size_t partial_size() const { return buffer_.size(); }
  void reset();

 private:
  enum class State { kIdle, kInFrame, kEscape };
  std::optional<SlipEvent> append(uint8_t byte);

  size_t max_payload_;
  State state_ = State::kIdle;
  Bytes buffer_;
};

}  // namespace esptool::proto
