#include <gtest/gtest.h>

#include "core/reset/reset_sequence.h"

namespace {

using esptool::reset::Lines;
using esptool::reset::Sequence;
using esptool::reset::Wait;

// The EN/IO0 circuit of reset-and-boot.md §1: EN low only for (DTR=0, RTS=1).
bool en_low(const Lines& l) { return !l.dtr && l.rts; }
bool io0_low(const Lines& l) { return l.dtr && !l.rts; }

TEST(ResetSequence, ClassicGoesFromResetStraightToBootPinLow) {
  const Sequence s = esptool::reset::classic_reset(50);
  bool was_in_reset = false, released_with_io0_low = false;
  for (const auto& step : s) {
    if (const auto* l = std::get_if<Lines>(&step)) {
      if (en_low(*l)) was_in_reset = true;
      if (was_in_reset && io0_low(*l)) released_with_io0_low = true;
    }
  }
  EXPECT_TRUE(was_in_reset);
  EXPECT_TRUE(released_with_io0_low);
  EXPECT_DOUBLE_EQ(std::get<Wait>(s[5]).ms, 50);
  const auto& last = std::get<Lines>(s.back());
  EXPECT_FALSE(last.dtr);
  EXPECT_FALSE(last.rts);
}

TEST(ResetSequence, CustomStringForClassicEqualsTheBuiltInClassic) {
  auto parsed = esptool::reset::parse_custom_reset("D0|R1|W0.1|D1|R0|W0.05|D0");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  const Sequence builtin = esptool::reset::classic_reset(50);
  // The built-in one starts with an explicit idle state; the rest matches step for step.
  ASSERT_EQ(parsed->size(), builtin.size());
  for (size_t i = 0; i < builtin.size(); ++i) {
    if (const auto* w = std::get_if<Wait>(&builtin[i])) {
      EXPECT_DOUBLE_EQ(std::get<Wait>((*parsed)[i]).ms, w->ms);
    } else {
      EXPECT_EQ(std::get<Lines>((*parsed)[i]).dtr, std::get<Lines>(builtin[i]).dtr) << i;
      EXPECT_EQ(std::get<Lines>((*parsed)[i]).rts, std::get<Lines>(builtin[i]).rts) << i;
    }
  }
}

TEST(ResetSequence, CustomStringWithBothLinesAtOnce) {
  auto parsed = esptool::reset::parse_custom_reset("U1,1|U0,1|W0.1|U1,0|W0.05|U0,0");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->size(), 6u);
  EXPECT_TRUE(en_low(std::get<Lines>((*parsed)[1])));
}

TEST(ResetSequence, MalformedCustomStringsAreOneLineErrors) {
  for (const char* bad : {"", "D2", "X1", "W", "Wabc", "U1", "U1,2", "D0||R1", "W-1"}) {
    auto parsed = esptool::reset::parse_custom_reset(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().name(), "bad_argument");
  }
}

TEST(ResetSequence, ConnectCyclesTightThenClassicWithBothDelays) {
  auto strategies = esptool::reset::connect_strategies(false);
  ASSERT_EQ(strategies.size(), 4u);
  EXPECT_EQ(esptool::reset::connect_strategies(true).size(), 1u);
}

}  // namespace
