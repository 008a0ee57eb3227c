// Uart: the two wires between the host's serial adapter and the chip. A byte is 10 bit times at
// the sender's rate (start, 8 data, stop); it "arrives" when its last bit has left the wire. A
// receiver whose rate differs from the sender's by more than kBaudTolerance samples garbage
// (one garbage byte per byte sent: framing slips are not modelled). In USB mode (the
// USB-Serial-JTAG variant) there is no baud rate: bytes move at a fixed USB rate and are never
// garbled.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "hw-sim/base/bytes.h"
#include "hw-sim/base/rng.h"
#include "hw-sim/base/time.h"

namespace hwsim {

// A UART receiver tolerates a few percent of rate error before it misreads bits.
inline constexpr double kBaudTolerance = 0.03;
// USB full-speed CDC moves about 1 MB/s of payload (64-byte packets, ~19 per 1 ms frame).
inline constexpr Millis kUsbByteTime = 0.001;

struct LineByte {
  uint8_t value;
  Millis time;    // when its last bit arrived
  uint32_t baud;  // rate it was sent at (0 in USB mode)
};

bool rates_match(uint32_t a, uint32_t b);

class Uart {
 public:
  Uart(uint32_t device_baud, uint32_t host_baud, bool usb_mode);

  // Host -> device: queued behind earlier host bytes at the host's rate.
  void host_send(std::span<const uint8_t> bytes, Millis now);
  Millis next_rx_time() const { return rx_.empty() ? kNever : rx_.front().time; }
  std::optional<LineByte> pop_rx(Millis up_to);
  // Drops host bytes still on the wire or unread (purge of the device's RX FIFO).
  void clear_rx() { rx_.clear(); }

  // Device -> host: starts no earlier than `at` and after earlier device bytes.
  void device_send(std::span<const uint8_t> bytes, Millis at);
  Millis next_tx_time() const { return tx_.empty() ? kNever : tx_.front().time; }
  Millis tx_idle_time() const { return tx_free_at_; }
  // Bytes fully received by the host by `now`; garbled where the host's rate did not match.
  Bytes take_tx(Millis now, Rng& rng);
  // The chip stops transmitting at `t` (reset): bytes not complete by then never arrive.
  void cut_tx_after(Millis t);
  // Discards bytes already complete and waiting for the host (RFC 2217 purge of the server's
  // receive buffer).
  void discard_tx_until(Millis now);

  void set_device_baud(uint32_t baud) { device_baud_ = baud; }
  uint32_t device_baud() const { return device_baud_; }
  void set_host_baud(uint32_t baud, Millis now);
  uint32_t host_baud() const { return host_baud_; }
  bool is_usb() const { return usb_mode_; }

 private:
  Millis byte_duration(uint32_t baud) const { return usb_mode_ ? kUsbByteTime : byte_time(baud); }
  uint32_t host_baud_at(Millis t) const;

  uint32_t device_baud_;
  uint32_t host_baud_;
  bool usb_mode_;
  std::deque<LineByte> rx_;
  std::deque<LineByte> tx_;
  Millis rx_free_at_ = 0.0;
  Millis tx_free_at_ = 0.0;
  std::vector<std::pair<Millis, uint32_t>> host_baud_changes_;  // (time, new rate)
};

}  // namespace hwsim
