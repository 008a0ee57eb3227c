// Simulated time. Every hw-sim entry point takes `now` as an argument; nothing here reads a clock.
// Unit: milliseconds as a double (hwsim::Millis), so a 921600-baud byte (0.0108 ms) and a 10 s
// chip erase share one scale without rounding; a double keeps sub-nanosecond resolution for
// simulated runs of many hours.
#pragma once

#include <cstdint>
#include <limits>

namespace hwsim {

using Millis = double;

// "No event pending": later than any real time.
inline constexpr Millis kNever = std::numeric_limits<double>::infinity();

// Time to move one UART byte: start bit, 8 data bits, stop bit = 10 bit times.
inline constexpr Millis byte_time(uint32_t baud) {
  return 10.0 * 1000.0 / static_cast<double>(baud);
}

}  // namespace hwsim
