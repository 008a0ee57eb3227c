// Uart: byte timing per direction, rate-mismatch garbling, the host's rate history.
#include "hw-sim/line/uart.h"

#include <algorithm>
#include <cmath>

namespace hwsim {

bool rates_match(uint32_t a, uint32_t b) {
  if (a == 0 || b == 0) return a == b;
  return std::fabs(static_cast<double>(a) - b) <= kBaudTolerance * static_cast<double>(b);
}

Uart::Uart(uint32_t device_baud, uint32_t host_baud, bool usb_mode)
    : device_baud_(device_baud), host_baud_(host_baud), usb_mode_(usb_mode) {
  host_baud_changes_.emplace_back(-kNever, host_baud);
}

void Uart::host_send(std::span<const uint8_t> bytes, Millis now) {
  Millis t = std::max(now, rx_free_at_);
  const Millis step = byte_duration(host_baud_);
  for (uint8_t b : bytes) {
    t += step;
    rx_.push_back({b, t, usb_mode_ ? 0 : host_baud_});
  }
  rx_free_at_ = t;
}

std::optional<LineByte> Uart::pop_rx(Millis up_to) {
  if (rx_.empty() || rx_.front().time > up_to) return std::nullopt;
  LineByte b = rx_.front();
  rx_.pop_front();
  return b;
}

void Uart::device_send(std::span<const uint8_t> bytes, Millis at) {
  Millis t = std::max(at, tx_free_at_);
  const Millis step = byte_duration(device_baud_);
  for (uint8_t b : bytes) {
    t += step;
    tx_.push_back({b, t, usb_mode_ ? 0 : device_baud_});
  }
  tx_free_at_ = t;
}

void Uart::set_host_baud(uint32_t baud, Millis now) {
  if (baud == 0 || baud == host_baud_) return;
  host_baud_ = baud;
  host_baud_changes_.emplace_back(now, baud);
}

uint32_t Uart::host_baud_at(Millis t) const {
  for (auto it = host_baud_changes_.rbegin(); it != host_baud_changes_.rend(); ++it) {
    if (it->first <= t) return it->second;
  }
  return host_baud_changes_.front().second;
}

Bytes Uart::take_tx(Millis now, Rng& rng) {
  Bytes out;
  while (!tx_.empty() && tx_.front().time <= now) {
    const LineByte b = tx_.front();
    tx_.pop_front();
    const bool garbled = !usb_mode_ && !rates_match(b.baud, host_baud_at(b.time));
    out.push_back(garbled ? rng.next_byte() : b.value);
  }
  // Rate history older than the oldest byte still on the wire is no longer needed.
  const Millis oldest = tx_.empty() ? now : tx_.front().time;
  while (host_baud_changes_.size() > 1 && host_baud_changes_[1].first <= oldest) {
    host_baud_changes_.erase(host_baud_changes_.begin());
  }
  return out;
}

void Uart::cut_tx_after(Millis t) {
  while (!tx_.empty() && tx_.back().time > t) tx_.pop_back();
  tx_free_at_ = std::max(t, tx_.empty() ? t : tx_.back().time);
}

void Uart::discard_tx_until(Millis now) {
  while (!tx_.empty() && tx_.front().time <= now) tx_.pop_front();
}

}  // namespace hwsim
