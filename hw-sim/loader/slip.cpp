// SLIP encoder and the device-side receive state machine.
#include "hw-sim/loader/slip.h"

namespace hwsim {
namespace {

constexpr uint8_t kEnd = 0xC0;
constexpr uint8_t kEsc = 0xDB;
constexpr uint8_t kEscEnd = 0xDC;
constexpr uint8_t kEscEsc = 0xDD;

}  // namespace

Bytes slip_frame(std::span<const uint8_t> payload) {
  Bytes out;
  out.reserve(payload.size() + payload.size() / 32 + 2);
  out.push_back(kEnd);
  for (uint8_t b : payload) {
    if (b == kEnd) {
      out.push_back(kEsc);
      out.push_back(kEscEnd);
    } else if (b == kEsc) {
      out.push_back(kEsc);
      out.push_back(kEscEsc);
    } else {
      out.push_back(b);
    }
  }
  out.push_back(kEnd);
  return out;
}

void SlipReceiver::reset() {
  state_ = State::kIdle;
  buffer_.clear();
}

std::optional<Bytes> SlipReceiver::push(uint8_t byte) {
  switch (state_) {
    case State::kIdle:
      if (byte == kEnd) state_ = State::kFrame;  // anything else is line noise: ignored
      return std::nullopt;
    case State::kFrame:
      if (byte == kEnd) {
        if (buffer_.empty()) return std::nullopt;  // C0 C0: the second one opens the frame
        Bytes frame;
        frame.swap(buffer_);
        state_ = State::kIdle;
        return frame;
      }
      if (byte == kEsc) {
        state_ = State::kEscape;
        return std::nullopt;
      }
      buffer_.push_back(byte);
      break;
    case State::kEscape:
      if (byte != kEscEnd && byte != kEscEsc) {
        reset();  // invalid escape: the frame is lost
        if (byte == kEnd) state_ = State::kFrame;
        return std::nullopt;
      }
      buffer_.push_back(byte == kEscEnd ? kEnd : kEsc);
      state_ = State::kFrame;
      break;
  }
  if (buffer_.size() >= max_frame_) {  // buffer full: the frame ends here, as in the stub
    Bytes frame;
    frame.swap(buffer_);
    state_ = State::kIdle;
    return frame;
  }
  return std::nullopt;
}

}  // namespace hwsim
