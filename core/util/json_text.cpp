// JsonValue, the recursive-descent parser and JsonWriter. Numbers are read and written without
// libc's float code (strtod, printf's %g), which the page's device module would otherwise carry.
#include "core/util/json_text.h"

#include <algorithm>
#include <cmath>

namespace esptool::util {
namespace {

constexpr int kMaxDepth = 64;  // containers nested deeper are rejected, bounding the recursion

// Escapes with a one-letter form (RFC 8259 section 7), as decoded byte and as letter.
constexpr std::string_view kEscapedBytes = "\"\\/\b\f\n\r\t";
constexpr std::string_view kEscapeLetters = "\"\\/bfnrt";

const JsonValue& shared_null() {
  static const JsonValue kNull;
  return kNull;
}

void append_decimal(std::string& out, uint64_t magnitude, bool negative) {
  char digits[20];  // 2^64 has 20 decimal digits
  size_t n = 0;
  do {
    digits[n++] = char('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (negative) out += '-';
  while (n > 0) out += digits[--n];
}

void append_utf8(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out += char(code);
    return;
  }
  const int tail = code < 0x800 ? 1 : code < 0x10000 ? 2 : 3;  // continuation bytes
  // Lead byte: 110xxxxx, 1110xxxx or 11110xxx, i.e. (tail + 1) ones in the top bits.
  out += char(uint8_t(0xFF00 >> (tail + 1)) | (code >> (6 * tail)));
  for (int i = tail - 1; i >= 0; --i) out += char(0x80 | ((code >> (6 * i)) & 0x3F));
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  bool parse_document(JsonValue& out) {
    if (!parse_value(out, 0)) return false;
    skip_space();
    return at_end() || fail("trailing characters");
  }

  const std::string& error() const { return error_; }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  bool consume(char c) {
    if (at_end() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  void skip_space() {
    while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                         text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  // Truncated text reads as "unexpected end" whatever was expected next.
  bool fail(const char* reason) {
    error_ = at_end() ? "unexpected end" : reason;
    error_ += " at ";
    append_decimal(error_, pos_, false);
    return false;
  }

  bool parse_value(JsonValue& out, int depth);
  bool parse_array(JsonValue& out, int depth);
  bool parse_object(JsonValue& out, int depth);
  bool parse_string(std::string& out);
  bool parse_escape(std::string& out);
  bool parse_unicode(std::string& out);
  bool parse_hex4(uint32_t& code);
  bool parse_number(JsonValue& out);
  bool parse_literal(JsonValue& out);

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
};

bool Parser::parse_value(JsonValue& out, int depth) {
  skip_space();
  if (at_end()) return fail("unexpected end");
  const char c = text_[pos_];
  if (c == '{' || c == '[') {
    if (depth == kMaxDepth) return fail("nesting deeper than 64");
    return c == '{' ? parse_object(out, depth + 1) : parse_array(out, depth + 1);
  }
  if (c == '"') {
    std::string text;
    if (!parse_string(text)) return false;
    out = JsonValue::string(std::move(text));
    return true;
  }
  if (c == '-' || is_digit(c)) return parse_number(out);
  return parse_literal(out);
}

bool Parser::parse_array(JsonValue& out, int depth) {
  ++pos_;  // '['
  out = JsonValue::array();
  skip_space();
  if (consume(']')) return true;
  for (;;) {
    JsonValue item;
    if (!parse_value(item, depth)) return false;
    out.push(std::move(item));
    skip_space();
    if (consume(']')) return true;
    if (!consume(',')) return fail("expected ',' or ']'");
  }
}

bool Parser::parse_object(JsonValue& out, int depth) {
  ++pos_;  // '{'
  out = JsonValue::object();
  skip_space();
  if (consume('}')) return true;
  for (;;) {
    skip_space();
    if (at_end() || text_[pos_] != '"') return fail("expected a string key");
    std::string key;
    if (!parse_string(key)) return false;
    skip_space();
    if (!consume(':')) return fail("expected ':'");
    JsonValue member;
    if (!parse_value(member, depth)) return false;
    out.set(std::move(key), std::move(member));
    skip_space();
    if (consume('}')) return true;
    if (!consume(',')) return fail("expected ',' or '}'");
  }
}

bool Parser::parse_string(std::string& out) {
  const size_t start = pos_++;  // the opening '"'
  for (;;) {
    if (at_end()) {
      pos_ = start;  // where the string began says more than the end of the text
      return fail("unterminated string");
    }
    const char c = text_[pos_];
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (uint8_t(c) < 0x20) return fail("control character in string");
    if (c == '\\') {
      if (!parse_escape(out)) return false;
    } else {
      out += c;
      ++pos_;
    }
  }
}

bool Parser::parse_escape(std::string& out) {
  const size_t start = pos_++;  // the '\\'
  if (at_end()) return fail("unexpected end");
  const char letter = text_[pos_++];
  if (letter == 'u') return parse_unicode(out);
  const size_t index = kEscapeLetters.find(letter);
  if (index == std::string_view::npos) {
    pos_ = start;
    return fail("bad escape");
  }
  out += kEscapedBytes[index];
  return true;
}

// After "\u": one code unit, or a surrogate pair written as two escapes, appended as UTF-8.
bool Parser::parse_unicode(std::string& out) {
  uint32_t code = 0;
  if (!parse_hex4(code)) return false;
  if (code >= 0xD800 && code < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
    const size_t second = pos_;
    pos_ += 2;
    uint32_t low = 0;
    if (!parse_hex4(low)) return false;
    if (low >= 0xDC00 && low < 0xE000) {
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    } else {
      pos_ = second;  // not a pair: the second escape is decoded on its own
    }
  }
  // A lone surrogate has no UTF-8 form; JSON.stringify emits them, TextEncoder gives U+FFFD.
  if (code >= 0xD800 && code < 0xE000) code = 0xFFFD;
  append_utf8(out, code);
  return true;
}

bool Parser::parse_hex4(uint32_t& code) {
  for (int i = 0; i < 4; ++i, ++pos_) {
    const int digit = at_end() ? -1 : hex_digit(text_[pos_]);
    if (digit < 0) return fail("bad \\u escape");
    code = (code << 4) | uint32_t(digit);
  }
  return true;
}

// RFC 8259 section 6's grammar. Digits are summed by hand rather than by strtod, which would bring
// about 7 KB gzip of libc into
// the page's device module; the values that cross (sizes, offsets, clock times in ms) are integers
// or have a few fraction digits, which this reads to within an ulp or two.
bool Parser::parse_number(JsonValue& out) {
  const bool negative = consume('-');
  uint64_t mantissa = 0;
  int exponent = 0;  // of ten
  auto take_digits = [&](bool fraction) {
    const size_t start = pos_;
    for (; !at_end() && is_digit(text_[pos_]); ++pos_) {
      if (mantissa < 100000000000000000ull) {  // 10^17: room for one more digit
        mantissa = mantissa * 10 + uint64_t(text_[pos_] - '0');
        exponent -= fraction;
      } else {
        exponent += !fraction;  // a digit past what a double holds
      }
    }
    return pos_ > start;
  };
  if (consume('0')) {
    // a single leading zero
  } else if (!take_digits(false)) {
    return fail("bad number");
  }
  if (consume('.') && !take_digits(true)) return fail("bad number");
  if (consume('e') || consume('E')) {
    const bool down = !consume('+') && consume('-');
    int written = 0;
    const size_t start = pos_;
    for (; !at_end() && is_digit(text_[pos_]); ++pos_)
      written = std::min(written * 10 + (text_[pos_] - '0'), 9999);
    if (pos_ == start) return fail("bad number");
    exponent += down ? -written : written;
  }
  double value = double(mantissa);
  // Powers of ten up to 10^22 are exact doubles; larger steps go by 10^22 at a time.
  static constexpr double kTens[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  for (int e = exponent; e != 0 && value != 0 && std::isfinite(value);) {
    const int step = std::min(e < 0 ? -e : e, 22);
    value = e < 0 ? value / kTens[step] : value * kTens[step];
    e += e < 0 ? step : -step;
  }
  out = JsonValue::number(negative ? -value : value);
  return true;
}

bool Parser::parse_literal(JsonValue& out) {
  const std::string_view rest = text_.substr(pos_);
  if (rest.starts_with("null")) {
    out = JsonValue::null();
    pos_ += 4;
  } else if (rest.starts_with("true")) {
    out = JsonValue::boolean(true);
    pos_ += 4;
  } else if (rest.starts_with("false")) {
    out = JsonValue::boolean(false);
    pos_ += 5;
  } else {
    return fail("unexpected character");
  }
  return true;
}

void append_quoted(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    const auto byte = uint8_t(c);
    if (byte >= 0x20 && c != '"' && c != '\\') {
      out += c;  // including bytes >= 0x80: the text stays UTF-8 if the input was
      continue;
    }
    out += '\\';
    const size_t index = kEscapedBytes.find(c);
    if (index != std::string_view::npos) {
      out += kEscapeLetters[index];
    } else {
      out += "u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  out += '"';
}

}  // namespace

const JsonValue& JsonValue::operator[](size_t i) const {
  return i < items_.size() ? items_[i] : shared_null();
}

const JsonValue& JsonValue::operator[](std::string_view key) const {
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) return items_[i];
  }
  return shared_null();  // also for non-objects, whose keys_ is empty
}

const std::string& JsonValue::key(size_t i) const {
  return i < keys_.size() ? keys_[i] : shared_null().string_;
}

JsonValue JsonValue::boolean(bool flag) {
  JsonValue v = of(Type::kBool);
  v.flag_ = flag;
  return v;
}

JsonValue JsonValue::number(double number) {
  JsonValue v = of(Type::kNumber);
  v.number_ = number;
  return v;
}

JsonValue JsonValue::string(std::string text) {
  JsonValue v = of(Type::kString);
  v.string_ = std::move(text);
  return v;
}

void JsonValue::set(std::string key, JsonValue v) {
  keys_.push_back(std::move(key));
  items_.push_back(std::move(v));
}

std::optional<JsonValue> parse_json(std::string_view text, std::string* error) {
  Parser parser(text);
  JsonValue value;
  if (parser.parse_document(value)) return value;
  if (error != nullptr) *error = parser.error();
  return std::nullopt;
}

void JsonWriter::separate() {
  if (needs_comma_) text_ += ',';
}

JsonWriter& JsonWriter::open(char bracket) {
  separate();
  text_ += bracket;
  needs_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  text_ += bracket;
  needs_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  append_quoted(text_, name);
  text_ += ':';
  needs_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  append_quoted(text_, text);
  needs_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(const char* text) {
  return text == nullptr ? null() : value(std::string_view(text));
}

// Without printf's %g (about 2 KB gzip of libc on the page): integers exactly, other values to a
// millionth (the fractions that cross are clock times in ms, so a nanosecond), in plain notation.
JsonWriter& JsonWriter::value(double number) {
  if (!std::isfinite(number)) return null();        // JSON has no NaN or infinity
  constexpr double kMaxExact = 9007199254740992.0;  // 2^53: every integer up to it is a double
  if (std::fabs(number) <= kMaxExact && number == double(int64_t(number))) {
    return value(int64_t(number));  // also turns -0 into 0, as JSON.stringify does
  }
  if (std::fabs(number) >= 9.2e18) return null();  // past int64: no value that crosses is
  if (std::fabs(number) >= 9.2e12)
    return value(int64_t(std::round(number)));  // millionths overflow
  const auto whole = uint64_t(std::round(std::fabs(number) * 1e6));
  separate();
  append_decimal(text_, whole / 1000000, number < 0 && whole != 0);
  if (uint64_t fraction = whole % 1000000; fraction != 0) {
    char digits[7] = "000000";
    for (int i = 5; i >= 0; --i, fraction /= 10) digits[i] = char('0' + fraction % 10);
    size_t n = 6;
    while (digits[n - 1] == '0') --n;
    text_ += '.';
    text_.append(digits, n);
  }
  needs_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(int64_t number) {
  separate();
  const uint64_t magnitude = number < 0 ? 0 - uint64_t(number) : uint64_t(number);
  append_decimal(text_, magnitude, number < 0);
  needs_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  text_ += json;
  needs_comma_ = true;
  return *this;
}

std::string JsonWriter::take() {
  std::string out = std::move(text_);
  text_.clear();  // a moved-from string is valid but unspecified
  needs_comma_ = false;
  return out;
}

}  // namespace esptool::util
