// Test-local host helpers: SLIP, packets, zlib, and the virtual-time read loop.
#include "tests/sim/support/sim_host.h"

#include <zlib.h>

#include <algorithm>

namespace simtest {

Bytes slip(std::span<const uint8_t> payload) {
  Bytes out{0xC0};
  for (uint8_t b : payload) {
    if (b == 0xC0) {
      out.insert(out.end(), {0xDB, 0xDC});
    } else if (b == 0xDB) {
      out.insert(out.end(), {0xDB, 0xDD});
    } else {
      out.push_back(b);
    }
  }
  out.push_back(0xC0);
  return out;
}

Bytes le32_bytes(std::initializer_list<uint32_t> words) {
  Bytes out;
  for (uint32_t w : words) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(w >> (8 * i)));
  }
  return out;
}

uint8_t xor_checksum(std::span<const uint8_t> payload) {
  uint8_t c = 0xEF;
  for (uint8_t b : payload) c ^= b;
  return c;
}

Bytes request(uint8_t op, std::span<const uint8_t> data, uint32_t checksum) {
  Bytes out{0x00, op, static_cast<uint8_t>(data.size()), static_cast<uint8_t>(data.size() >> 8)};
  const Bytes sum = le32_bytes({checksum});
  out.insert(out.end(), sum.begin(), sum.end());
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

Bytes data_request(uint8_t op, std::span<const uint8_t> payload, uint32_t seq) {
  Bytes data = le32_bytes({static_cast<uint32_t>(payload.size()), seq, 0, 0});
  data.insert(data.end(), payload.begin(), payload.end());
  return request(op, data, xor_checksum(payload));
}

Bytes sync_payload() {
  Bytes data(36, 0x55);
  data[0] = 0x07;
  data[1] = 0x07;
  data[2] = 0x12;
  data[3] = 0x20;
  return data;
}

Bytes zlib_compress(std::span<const uint8_t> data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  Bytes out(size);
  compress2(out.data(), &size, data.data(), static_cast<uLong>(data.size()), 9);
  out.resize(size);
  return out;
}

void Host::feed(const Bytes& bytes) {
  for (uint8_t b : bytes) {
    if (!in_frame_) {
      if (b == 0xC0) {
        in_frame_ = true;
        partial_.clear();
      } else {
        text_.push_back(static_cast<char>(b));
      }
      continue;
    }
    if (escape_) {
      partial_.push_back(b == 0xDC ? 0xC0 : 0xDB);
      escape_ = false;
    } else if (b == 0xDB) {
      escape_ = true;
    } else if (b == 0xC0) {
      if (!partial_.empty()) {
        frames_.push_back(partial_);
        in_frame_ = false;
      }
      partial_.clear();
    } else {
      partial_.push_back(b);
    }
  }
}

void Host::pump(Millis until) {
  for (int steps = 0; steps < 10000000; ++steps) {
    const Millis next = std::min(device_.next_event_time(), until);
    const Millis t = std::max(next, now_);
    device_.advance(t);
    now_ = t;
    feed(device_.take_output(now_));
    if (!frames_.empty() || now_ >= until) return;
  }
}

void Host::wait(Millis duration) {
  const Millis until = now_ + duration;
  while (now_ < until) {
    const Millis next = std::min(device_.next_event_time(), until);
    const Millis t = std::max(next, now_);
    device_.advance(t);
    now_ = t;
    feed(device_.take_output(now_));
  }
}

void Host::write(std::span<const uint8_t> bytes) { device_.host_write(bytes, now_); }

void Host::signals(bool dtr, bool rts) { device_.set_signals(dtr, rts, now_); }

void Host::baud(uint32_t rate) { device_.set_baud(rate, now_); }

void Host::classic_reset() {
  signals(false, false);
  signals(false, true);
  wait(100);
  signals(true, true);
  signals(true, false);
  wait(50);
  signals(false, false);
}

std::optional<Bytes> Host::read_frame(Millis timeout) {
  if (frames_.empty()) pump(now_ + timeout);
  if (frames_.empty()) return std::nullopt;
  Bytes frame = frames_.front();
  frames_.erase(frames_.begin());
  return frame;
}

std::optional<Reply> Host::call(const Bytes& packet, Millis timeout) {
  send(packet);
  const Millis deadline = now_ + timeout;
  while (now_ < deadline) {
    const std::optional<Bytes> frame = read_frame(deadline - now_);
    if (!frame) break;
    if (frame->size() < 8 || (*frame)[0] != 0x01 || (*frame)[1] != packet[1]) continue;
    Reply reply;
    reply.op = (*frame)[1];
    reply.value = static_cast<uint32_t>((*frame)[4]) | (static_cast<uint32_t>((*frame)[5]) << 8) |
                  (static_cast<uint32_t>((*frame)[6]) << 16) |
                  (static_cast<uint32_t>((*frame)[7]) << 24);
    reply.data.assign(frame->begin() + 8, frame->end());
    return reply;
  }
  return std::nullopt;
}

std::optional<uint32_t> Host::sync() {
  const std::optional<Reply> first = call(0x08, sync_payload(), 100);
  if (!first) return std::nullopt;
  for (int i = 0; i < 7; ++i) {
    if (!read_frame(3000)) return std::nullopt;
  }
  return first->value;
}

void Host::flush(Millis duration) {
  wait(duration);
  frames_.clear();
  partial_.clear();
  in_frame_ = false;
  escape_ = false;
}

}  // namespace simtest
