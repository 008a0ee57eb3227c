// Raw TCP: socket bytes are the serial line, nothing else. No DTR/RTS can reach the chip, so
// each new connection finds it freshly powered on in download mode, as if the user held BOOT
// while plugging it in (every session starts from the same state).
#pragma once

#include "hw-sim/device.h"
#include "hw-sim/server/link_protocol.h"

namespace hwsim::server {

class RawLink : public LinkProtocol {
 public:
  explicit RawLink(Device& device) : device_(device) {}

  void on_connect(Millis now) override { device_.power_cycle(true, now); }
  void on_bytes(std::span<const uint8_t> bytes, Millis now) override {
    device_.host_write(bytes, now);
  }
  void poll(Millis now) override { device_.advance(now); }
  Millis next_time() const override { return kNever; }
  void collect(Millis now, Bytes* out) override {
    const Bytes bytes = device_.take_output(now);
    out->insert(out->end(), bytes.begin(), bytes.end());
  }
  void on_disconnect(Millis) override {}

 private:
  Device& device_;
};

}  // namespace hwsim::server
