#include "core/base/format.h"

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "core/base/check.h"

namespace esptool {

namespace {

// The argument's type, from the length modifier (none: int).
enum class Length { kInt, kChar, kShort, kLong, kLongLong, kSize, kIntmax, kPtrdiff };

struct Spec {
  bool left = false;   // '-'
  bool zero = false;   // '0'
  bool alt = false;    // '#'
  bool plus = false;   // '+'
  bool space = false;  // ' '
  int width = 0;
  int precision = -1;  // none
};

// prefix (sign, "0x"), then `zeros` '0's, then body, padded to the width: with spaces on the left
// or right, or with '0's after the prefix.
void put_field(std::string& out, const Spec& spec, std::string_view prefix, size_t zeros,
               std::string_view body, bool zero_fill) {
  const size_t length = prefix.size() + zeros + body.size();
  const size_t fill = size_t(spec.width) > length ? size_t(spec.width) - length : 0;
  if (!spec.left && !zero_fill) out.append(fill, ' ');
  out.append(prefix);
  if (!spec.left && zero_fill) out.append(fill, '0');
  out.append(zeros, '0');
  out.append(body);
  if (spec.left) out.append(fill, ' ');
}

void put_integer(std::string& out, const Spec& spec, char conversion, uint64_t magnitude,
                 bool negative) {
  const unsigned base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
  const char* digits = conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  char buffer[24];
  char* end = buffer + sizeof buffer;
  char* begin = end;
  for (uint64_t v = magnitude; v != 0; v /= base) *--begin = digits[v % base];
  // An explicit precision of 0 prints nothing for 0; otherwise 0 is one digit.
  if (magnitude == 0 && spec.precision != 0) *--begin = '0';
  const size_t count = size_t(end - begin);
  size_t zeros = spec.precision > 0 && size_t(spec.precision) > count ? spec.precision - count : 0;
  std::string_view prefix;
  if (negative) {
    prefix = "-";
  } else if ((conversion == 'd' || conversion == 'i') && (spec.plus || spec.space)) {
    prefix = spec.plus ? "+" : " ";
  } else if (spec.alt && magnitude != 0 && base == 16) {
    prefix = conversion == 'X' ? "0X" : "0x";
  } else if (spec.alt && base == 8 && zeros == 0 && (count == 0 || *begin != '0')) {
    zeros = 1;  // '#' with 'o': the first digit is a 0
  }
  put_field(out, spec, prefix, zeros, std::string_view(begin, count),
            spec.zero && !spec.left && spec.precision < 0);
}

// Sets the flag `c` names in `spec`; false when `c` is not a flag.
bool take_flag(Spec& spec, char c) {
  switch (c) {
    case '-':
      return spec.left = true;
    case '0':
      return spec.zero = true;
    case '#':
      return spec.alt = true;
    case '+':
      return spec.plus = true;
    case ' ':
      return spec.space = true;
    default:
      return false;
  }
}

class Formatter {
 public:
  Formatter(const char* fmt, va_list args) : fmt_(fmt) { va_copy(args_, args); }
  ~Formatter() { va_end(args_); }
  Formatter(const Formatter&) = delete;
  Formatter& operator=(const Formatter&) = delete;

  std::string run() {
    std::string out;
    while (*fmt_ != '\0') {
      const char* literal = fmt_;
      while (*fmt_ != '\0' && *fmt_ != '%') ++fmt_;
      out.append(literal, size_t(fmt_ - literal));
      if (*fmt_ == '%') {
        ++fmt_;
        conversion(out);
      }
    }
    return out;
  }

 private:
  // A width or precision: digits (none: 0), or '*' for the next int argument.
  int number() {
    if (*fmt_ == '*') {
      ++fmt_;
      return va_arg(args_, int);
    }
    int n = 0;
    while (*fmt_ >= '0' && *fmt_ <= '9') n = n * 10 + (*fmt_++ - '0');
    return n;
  }

  void conversion(std::string& out) {
    Spec spec;
    while (take_flag(spec, *fmt_)) ++fmt_;
    spec.width = number();
    if (spec.width < 0) {  // a negative '*' width is the '-' flag
      spec.left = true;
      spec.width = -spec.width;
    }
    if (*fmt_ == '.') {
      ++fmt_;
      spec.precision = number();
      if (spec.precision < 0) spec.precision = -1;  // a negative '*' precision: none
    }
    Length length = Length::kInt;
    if (*fmt_ == 'h') {
      ++fmt_;
      length = *fmt_ == 'h' ? (++fmt_, Length::kChar) : Length::kShort;
    } else if (*fmt_ == 'l') {
      ++fmt_;
      length = *fmt_ == 'l' ? (++fmt_, Length::kLongLong) : Length::kLong;
    } else if (*fmt_ == 'z') {
      ++fmt_;
      length = Length::kSize;
    } else if (*fmt_ == 'j') {
      ++fmt_;
      length = Length::kIntmax;
    } else if (*fmt_ == 't') {
      ++fmt_;
      length = Length::kPtrdiff;
    }
    const char c = *fmt_++;
    switch (c) {
      case '%':
        out.push_back('%');
        return;
      case 'c': {
        const char ch = char(va_arg(args_, int));
        put_field(out, spec, {}, 0, std::string_view(&ch, 1), false);
        return;
      }
      case 's': {
        const char* s = va_arg(args_, const char*);
        if (s == nullptr) s = "(null)";
        size_t n = 0;  // at most `precision` bytes are read
        while ((spec.precision < 0 || n < size_t(spec.precision)) && s[n] != '\0') ++n;
        put_field(out, spec, {}, 0, std::string_view(s, n), false);
        return;
      }
      case 'd':
      case 'i': {
        const int64_t v = signed_argument(length);
        const uint64_t magnitude = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
        put_integer(out, spec, c, magnitude, v < 0);
        return;
      }
      case 'u':
      case 'x':
      case 'X':
      case 'o':
        put_integer(out, spec, c, unsigned_argument(length), false);
        return;
      default:
        ESPT_CHECK(false, "strprintf: a conversion core does not format");
    }
  }

  // The argument of the type the length modifier names (va_arg needs the exact type), narrowed
  // back as printf narrows hh and h.
  int64_t signed_argument(Length length) {
    switch (length) {
      case Length::kChar:
        return static_cast<signed char>(va_arg(args_, int));
      case Length::kShort:
        return static_cast<short>(va_arg(args_, int));
      case Length::kLong:
        return va_arg(args_, long);
      case Length::kLongLong:
        return va_arg(args_, long long);
      case Length::kSize:
        return va_arg(args_, std::make_signed_t<size_t>);
      case Length::kIntmax:
        return va_arg(args_, intmax_t);
      case Length::kPtrdiff:
        return va_arg(args_, ptrdiff_t);
      case Length::kInt:
        break;
    }
    return va_arg(args_, int);
  }
  uint64_t unsigned_argument(Length length) {
    switch (length) {
      case Length::kChar:
        return static_cast<unsigned char>(va_arg(args_, unsigned));
      case Length::kShort:
        return static_cast<unsigned short>(va_arg(args_, unsigned));
      case Length::kLong:
        return va_arg(args_, unsigned long);
      case Length::kLongLong:
        return va_arg(args_, unsigned long long);
      case Length::kSize:
        return va_arg(args_, size_t);
      case Length::kIntmax:
        return va_arg(args_, uintmax_t);
      case Length::kPtrdiff:
        return va_arg(args_, std::make_unsigned_t<ptrdiff_t>);
      case Length::kInt:
        break;
    }
    return va_arg(args_, unsigned);
  }

  const char* fmt_;
  va_list args_;
};

}  // namespace

std::string strprintf(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  std::string out = Formatter(fmt, args).run();
  va_end(args);
  return out;
}

}  // namespace esptool
