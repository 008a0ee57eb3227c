// RFC 2217 (Telnet COM-PORT-OPTION) link: the serial data stream with IAC escaping plus the
// port controls a remote serial client sends. Every SET-* request is answered with its
// server code (request + 100) and the value now in effect, which is what pyserial's rfc2217
// client waits for after each baud, data size, parity, stop size, control and purge request.
// DTR/RTS go through a ResetBridge; SET-BAUDRATE sets the host side of the simulated line.
#pragma once

#include "hw-sim/device.h"
#include "hw-sim/server/link_protocol.h"
#include "hw-sim/server/reset_bridge.h"
#include "hw-sim/server/telnet.h"

namespace hwsim::server {

class Rfc2217Link : public LinkProtocol {
 public:
  Rfc2217Link(Device& device, bool reset_bridge);

  void on_connect(Millis now) override;
  void on_bytes(std::span<const uint8_t> bytes, Millis now) override;
  void poll(Millis now) override;
  Millis next_time() const override { return bridge_.next_time(); }
  void collect(Millis now, Bytes* out) override;
  void on_disconnect(Millis now) override;

 private:
  void flush_data();
  void com_port(std::span<const uint8_t> sub, Millis now);
  void set_control(uint8_t value, Millis now);
  void reply(uint8_t command, std::span<const uint8_t> value);
  void reply_u8(uint8_t command, uint8_t value) {
    reply(command, std::span<const uint8_t>(&value, 1));
  }

  Device& device_;
  ResetBridge bridge_;
  telnet::OptionTable options_;
  telnet::TelnetParser parser_;
  Bytes pending_data_;             // host data parsed from the current socket chunk
  Bytes control_out_;              // negotiation and COM-PORT answers for the socket
  bool output_suspended_ = false;  // FLOWCONTROL-SUSPEND from the client
  uint32_t baud_ = 115200;
  uint8_t datasize_ = 8, parity_ = 1, stopsize_ = 1;
  uint8_t linestate_mask_ = 0, modemstate_mask_ = 255;
  Millis now_ = 0;
};

}  // namespace hwsim::server
