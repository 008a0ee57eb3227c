// Python int() parsing rules are reproduced exactly because error-or-not decides whether a
// command line is accepted: "0x1000", "4_096", " 42 " are valid; "010", "1e3", "0x" are not.
#include "core/cli/values.h"

#include <cctype>

#include "core/base/bytes.h"

namespace esptool::cli {
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

Result<uint32_t> flash_size_bytes(std::string_view text) {
  auto unknown = [&] {
    return make_error(Errc::kBadArgument,
                      strprintf("Unknown size %.*s", int(text.size()), text.data()));
  };
  // util.py@v4.8.1: the number is whatever precedes the first "MB" (else "KB").
  uint64_t unit = 0;
  size_t at = text.find("MB");
  if (at != std::string_view::npos) {
    unit = 1024 * 1024;
  } else if ((at = text.find("KB")) != std::string_view::npos) {
    unit = 1024;
  } else {
    return unknown();
  }
  auto n = parse_decimal_int(text.substr(0, at));
  if (!n || *n < 0 || uint64_t(*n) * unit > UINT32_MAX) return unknown();
  return uint32_t(uint64_t(*n) * unit);
}

std::string py_repr(std::string_view text) {
  const char quote = (text.find('\'') != std::string_view::npos &&
                      text.find('"') == std::string_view::npos)
                         ? '"'
                         : '\'';
  std::string out(1, quote);
  for (char c : text) {
    if (c == '\\' || c == quote) out.push_back('\\');
    out.push_back(c);
  }
  out.push_back(quote);
  return out;
}

}  // namespace esptool::cli
