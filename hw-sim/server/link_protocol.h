// What travels on one client connection: the protocol adapter between socket bytes and the
// Device's host-side API. Raw TCP (tcp_raw.*) and RFC 2217 (rfc2217.*) implement it. No socket
// calls here: the event loop (server.cpp) moves the bytes.
#pragma once

#include <span>

#include "hw-sim/base/bytes.h"
#include "hw-sim/base/time.h"

namespace hwsim::server {

class LinkProtocol {
 public:
  virtual ~LinkProtocol() = default;
  virtual void on_connect(Millis now) = 0;
  virtual void on_bytes(std::span<const uint8_t> bytes, Millis now) = 0;
  // Timed work of the adapter itself (scheduled line changes); next_time() says when.
  virtual void poll(Millis now) = 0;
  virtual Millis next_time() const = 0;
  // Bytes for the socket: device output up to `now` plus the adapter's own replies.
  virtual void collect(Millis now, Bytes* out) = 0;
  virtual void on_disconnect(Millis now) = 0;
};

}  // namespace hwsim::server
