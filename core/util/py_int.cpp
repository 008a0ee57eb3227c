#include "core/util/py_int.h"

#include <cctype>

namespace esptool::util {
namespace {

std::string_view trim(std::string_view s) {
  // Python's int() strips Unicode whitespace; ASCII whitespace is what command lines carry.
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Digits in `base` with single underscores between digits (and, after a base prefix, before
// the first digit: Python accepts "0x_1f").
std::optional<uint64_t> parse_digits(std::string_view s, int base, bool underscore_first_ok) {
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  bool prev_digit = underscore_first_ok;
  bool any = false;
  for (char c : s) {
    if (c == '_') {
      if (!prev_digit) return std::nullopt;
      prev_digit = false;
      continue;
    }
    int d = digit_value(c);
    if (d >= base) return std::nullopt;
    if (v > (UINT64_MAX - uint64_t(d)) / uint64_t(base)) return std::nullopt;
    v = v * uint64_t(base) + uint64_t(d);
    prev_digit = true;
    any = true;
  }
  if (!prev_digit || !any) return std::nullopt;  // trailing '_' or no digits
  return v;
}

std::optional<int64_t> apply_sign(bool negative, std::optional<uint64_t> magnitude) {
  if (!magnitude) return std::nullopt;
  if (negative) {
    if (*magnitude > uint64_t(INT64_MAX) + 1) return std::nullopt;
    return int64_t(0 - *magnitude);
  }
  if (*magnitude > uint64_t(INT64_MAX)) return std::nullopt;
  return int64_t(*magnitude);
}

bool take_sign(std::string_view& s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    bool negative = s[0] == '-';
    s.remove_prefix(1);
    return negative;
  }
  return false;
}

}  // namespace

std::optional<int64_t> parse_auto_int(std::string_view text) {
  std::string_view s = trim(text);
  const bool negative = take_sign(s);
  if (s.size() >= 2 && s[0] == '0') {
    const char p = char(std::tolower(static_cast<unsigned char>(s[1])));
    const int base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (base != 0) return apply_sign(negative, parse_digits(s.substr(2), base, true));
  }
  auto v = parse_digits(s, 10, false);
  // Base 0 forbids leading zeros on non-zero decimals ("010" is a SyntaxError-style ValueError).
  if (v && *v != 0 && s[0] == '0') return std::nullopt;
  return apply_sign(negative, v);
}

std::optional<int64_t> parse_decimal_int(std::string_view text) {
  std::string_view s = trim(text);
  const bool negative = take_sign(s);
  return apply_sign(negative, parse_digits(s, 10, false));
}

}  // namespace esptool::util
