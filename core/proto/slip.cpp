#include "core/proto/slip.h"

namespace esptool::proto {

Bytes slip_encode(std::span<const uint8_t> payload) {
  Bytes out;
  out.reserve(payload.size() + payload.size() / 16 + 2);
  out.push_back(kSlipEnd);
  for (uint8_t b : payload) {
    if (b == kSlipEsc) {
      out.push_back(kSlipEsc);
      out.push_back(kSlipEscEsc);
    } else if (b == kSlipEnd) {
      out.push_back(kSlipEsc);
      out.push_back(kSlipEscEnd);
    } else {
      out.push_back(b);
    }
  }
  out.push_back(kSlipEnd);
  return out;
}

void SlipDecoder::reset() {
  state_ = State::kIdle;
  buffer_.clear();
}

std::optional<SlipEvent> SlipDecoder::append(uint8_t byte) {
  buffer_.push_back(byte);
  state_ = State::kInFrame;
  if (buffer_.size() <= max_payload_) return std::nullopt;
  const size_t size = buffer_.size();
  reset();  // what follows is outside any frame until the next delimiter
  return SlipOversize{size};
}

std::optional<SlipEvent> SlipDecoder::push(uint8_t byte) {
  switch (state_) {
    case State::kIdle:
      if (byte == kSlipEnd) {
        state_ = State::kInFrame;
        buffer_.clear();
        return std::nullopt;
      }
      return SlipStray{byte};
    case State::kInFrame:
      if (byte == kSlipEnd) {
        if (buffer_.empty()) return std::nullopt;  // C0 C0: an end and a new start
        state_ = State::kIdle;
        SlipFrame frame{std::move(buffer_)};
        buffer_.clear();
        return frame;
      }
      if (byte == kSlipEsc) {
        state_ = State::kEscape;
        return std::nullopt;
      }
      return append(byte);
    case State::kEscape:
      if (byte == kSlipEscEnd || byte == kSlipEscEsc) return append(byte == kSlipEscEnd ? kSlipEnd : kSlipEsc);
      reset();
      return SlipBadEscape{byte};
  }
  return std::nullopt;
}

}  // namespace esptool::proto
