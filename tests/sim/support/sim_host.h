// A scripted host for hw-sim tests: test-local SLIP framing and command building (deliberately
// not hw-sim's nor core/'s, so the device side is checked against a third implementation), and
// a virtual-time loop that steps the Device to its next event until a reply or a deadline.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hw-sim/device.h"

namespace simtest {

using Bytes = std::vector<uint8_t>;
using hwsim::Millis;

Bytes slip(std::span<const uint8_t> payload);
Bytes le32_bytes(std::initializer_list<uint32_t> words);
uint8_t xor_checksum(std::span<const uint8_t> payload);
// Request packet: 00 op size(LE16) checksum(LE32) data.
Bytes request(uint8_t op, std::span<const uint8_t> data, uint32_t checksum = 0);
// *_DATA request: header (len, seq, 0, 0) + payload, checksum over payload.
Bytes data_request(uint8_t op, std::span<const uint8_t> payload, uint32_t seq);
Bytes sync_payload();
Bytes zlib_compress(std::span<const uint8_t> data);

struct Reply {
  uint8_t op = 0;
  uint32_t value = 0;
  Bytes data;  // payload + status bytes
  uint8_t status(size_t status_len, size_t index) const {
    return data[data.size() - status_len + index];
  }
};

class Host {
 public:
  explicit Host(hwsim::Device& device) : device_(device) {}

  Millis now() const { return now_; }
  void wait(Millis duration);
  void write(std::span<const uint8_t> bytes);
  void send(const Bytes& packet) { write(slip(packet)); }
  void signals(bool dtr, bool rts);
  void baud(uint32_t rate);
  // esptool's ClassicReset: DTR=0, RTS=1(+DTR), 100 ms, DTR=1, RTS=0(+DTR), 50 ms, DTR=0.
  void classic_reset();

  // Next SLIP frame within `timeout` ms of virtual time.
  std::optional<Bytes> read_frame(Millis timeout = 3000);
  // Sends a request and waits for the reply with the same opcode (other frames skipped).
  std::optional<Reply> call(const Bytes& packet, Millis timeout = 3000);
  std::optional<Reply> call(uint8_t op, std::span<const uint8_t> data, Millis timeout = 3000) {
    return call(request(op, data), timeout);
  }
  // SYNC and the 7 extra replies; returns the first reply's value, or nullopt.
  std::optional<uint32_t> sync();
  // Bytes seen outside frames (boot log).
  const std::string& text() const { return text_; }
  void clear_text() { text_.clear(); }
  // Drains output for `duration` without parsing frames (input flush).
  void flush(Millis duration = 0);

 private:
  void pump(Millis until);
  void feed(const Bytes& bytes);

  hwsim::Device& device_;
  Millis now_ = 0;
  std::vector<Bytes> frames_;
  Bytes partial_;
  bool in_frame_ = false;
  bool escape_ = false;
  std::string text_;
};

}  // namespace simtest
