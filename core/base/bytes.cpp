#include "core/base/bytes.h"

#include <cmath>

namespace esptool {

std::string fixed_point(double value, int decimals) {
  std::string sign = std::signbit(value) ? "-" : "";
  int exponent = 0;
  // value = mantissa * 2^(exponent - 53) exactly, with mantissa < 2^53.
  const double fraction = std::frexp(std::fabs(value), &exponent);
  const uint64_t mantissa = uint64_t(std::ldexp(fraction, 53));
  uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const uint64_t scaled = mantissa * scale;  // < 2^63 for decimals <= 3
  const int shift = 53 - exponent;           // scaled / 2^shift is value * 10^decimals
  uint64_t units = 0;
  if (shift <= 0) {
    units = scaled << -shift;
  } else if (shift < 64) {
    units = scaled >> shift;
    const uint64_t rest = scaled & ((uint64_t(1) << shift) - 1);
    const uint64_t half = uint64_t(1) << (shift - 1);
    if (rest > half || (rest == half && (units & 1))) ++units;
  }  // else: below 2^-10 of the last digit, rounds to zero
  std::string digits = std::to_string(units);
  if (decimals == 0) return sign + digits;
  if (digits.size() <= size_t(decimals))
    digits.insert(0, size_t(decimals) + 1 - digits.size(), '0');
  digits.insert(digits.size() - size_t(decimals), 1, '.');
  return sign + digits;
}

std::string to_hex(const uint8_t* p, size_t n) {
  static const char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    s.push_back(kDigits[p[i] >> 4]);
    s.push_back(kDigits[p[i] & 15]);
  }
  return s;
}

}  // namespace esptool
