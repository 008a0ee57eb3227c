#include "core/base/format.h"

#include <gtest/gtest.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

#include "tests/support/libc_format.h"

using esptool::strprintf;
using esptool::testing::libc_format;

// The reference: the C library's printf with the same format and arguments.
#define EXPECT_LIKE_LIBC(fmt, ...) \
  EXPECT_EQ(strprintf(fmt, __VA_ARGS__), libc_format(fmt, __VA_ARGS__)) << fmt

TEST(Strprintf, FormatsCoreUsesAsLibcDoes) {
  // The conversions as core's messages spell them.
  for (unsigned v : {0u, 1u, 9u, 10u, 0x1fu, 0xabcdu, 0x12345678u, 0xffffffffu}) {
    EXPECT_LIKE_LIBC("%u|%x|%X|%08x|%02x|%04x|%05x|%8x|%#x|%o|%#o", v, v, v, v, v, v, v, v, v, v,
                     v);
    EXPECT_LIKE_LIBC("%zu|%zx|%08zx|%05zx|%7zu", size_t(v), size_t(v), size_t(v), size_t(v),
                     size_t(v));
    EXPECT_LIKE_LIBC("%0*x|%*u|%-*u|", 6, v, -9, v, 9, v);
  }
  for (int v : {0, 1, -1, 42, -42, INT_MAX, INT_MIN}) {
    EXPECT_LIKE_LIBC("%d|%i|%5d|%-5d|%05d|%+d|% d|%.3d|%8.3d|%-8.3d|%.0d|", v, v, v, v, v, v, v, v,
                     v, v, v);
  }
  for (long long v : {0LL, -1LL, 1234567890123LL, LLONG_MIN, LLONG_MAX}) {
    EXPECT_LIKE_LIBC("%lld|%llu|%llx|%llX|%ld|%lu", v, (unsigned long long)v, (unsigned long long)v,
                     (unsigned long long)v, long(v), (unsigned long)v);
  }
  EXPECT_LIKE_LIBC("%hhd|%hhu|%hd|%hu|%jd|%ju|%td|%zd", 300, 300, 70000, 70000, intmax_t(-5),
                   uintmax_t(5), ptrdiff_t(-7), static_cast<std::ptrdiff_t>(-8));
  EXPECT_LIKE_LIBC("%s|%8s|%-8s|%.3s|%.*s|%8.2s|%c|%3c|%-3c|%%|", "abc", "abc", "abc", "abcdef", 2,
                   "abcdef", "abcdef", 'x', 'y', 'z');
  EXPECT_LIKE_LIBC("%s at 0x%08x", "Wrote 4096 bytes", 0x10000u);
  EXPECT_LIKE_LIBC("%s", "");
  EXPECT_EQ(strprintf("no conversions"), "no conversions");
  EXPECT_EQ(strprintf("%.*s", 3, "ab\0cd"), "ab");  // stops at the NUL within the precision
}

TEST(Strprintf, MatchesLibcOnRandomWidthsAndFlags) {
  std::mt19937 rng(7);
  const char* const kFlags[] = {"", "-", "0", "#", "+", " ", "-#", "0#", "+0", "- "};
  const char kConversions[] = {'d', 'u', 'x', 'X', 'o'};
  for (int i = 0; i < 2000; ++i) {
    std::string fmt = "[%";
    fmt += kFlags[rng() % std::size(kFlags)];
    if (rng() % 2) fmt += std::to_string(rng() % 14);
    if (rng() % 3 == 0) fmt += "." + std::to_string(rng() % 10);
    fmt += kConversions[rng() % std::size(kConversions)];
    fmt += "]";
    const int value = int(rng()) >> (rng() % 31);
    EXPECT_LIKE_LIBC(fmt.c_str(), value);
  }
}

TEST(Strprintf, LongOutputs) {
  const std::string long_text(1000, 'a');
  EXPECT_EQ(strprintf("<%s>", long_text.c_str()), "<" + long_text + ">");
  EXPECT_EQ(strprintf("%300u", 5u), std::string(299, ' ') + "5");
}
