#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "core/base/bytes.h"

using esptool::fixed_point;

namespace {
// The reference: the C library's printf, which rounds the exact binary value half to even, as
// Python's "%.1f" does (esptool's timing and crystal lines).
std::string printf_fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}
}  // namespace

TEST(FixedPoint, MatchesPrintfOnTiesAndNearTies) {
  // 0.25 and 0.35 are a tie and a near-tie in binary: printf gives 0.2 and 0.3 (0.35 is below).
  for (double v : {0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.0, 2.5, 3.5, 9.95, 9.96, 99.95, 1e-9,
                   123456.789, 7.25, 1.125, 4503599627370495.0}) {
    for (int d = 0; d <= 3; ++d) EXPECT_EQ(fixed_point(v, d), printf_fixed(v, d)) << v << " " << d;
  }
  EXPECT_EQ(fixed_point(0.25, 1), "0.2");
  EXPECT_EQ(fixed_point(0.35, 1), "0.3");
  EXPECT_EQ(fixed_point(1.05, 1), "1.1");  // 1.05 is just above in binary
  EXPECT_EQ(fixed_point(-1.5, 0), "-2");
  EXPECT_EQ(fixed_point(2000.0, 0), "2000");
}

TEST(FixedPoint, MatchesPrintfOnRandomValues) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> seconds(0.0, 500.0);
  std::uniform_int_distribution<int> exponent(-30, 40);
  for (int i = 0; i < 20000; ++i) {
    const double a = seconds(rng);
    const double b = std::ldexp(seconds(rng), exponent(rng));
    // Values near a hundredth, as elapsed times in milliseconds give: what timing lines print.
    const double c = double(int64_t(a * 100)) / 100.0;
    for (double v : {a, b, -b, c}) {
      for (int d = 0; d <= 3; ++d)
        ASSERT_EQ(fixed_point(v, d), printf_fixed(v, d)) << v << " " << d;
    }
  }
}
