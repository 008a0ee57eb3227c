// core/reset: esptool v4.8.1 reset.py's strategies, write for write. Expected tables are
// reset.py's calls replayed by hand from the line state a port has after opening.
#include <gtest/gtest.h>

#include "core/reset/reset_sequence.h"

namespace {

using esptool::reset::Lines;
using esptool::reset::PortKind;
using esptool::reset::Sequence;
using esptool::reset::Wait;

// A line write "d r" or a wait "W ms", as text, so a mismatch shows the whole sequence.
std::string show(const Sequence& writes) {
  std::string out;
  for (const auto& step : writes) {
    if (const auto* l = std::get_if<Lines>(&step)) {
      out += std::string(l->dtr ? "1" : "0") + (l->rts ? "1 " : "0 ");
    } else {
      out += "W" + std::to_string(int(std::get<Wait>(step).ms)) + " ";
    }
  }
  return out;
}

std::string writes(const Sequence& seq, Lines start) {
  return show(esptool::reset::line_writes(seq, start));
}

const Lines kOpened{true, true};  // Linux/macOS assert both lines on open

TEST(ResetSequence, ClassicIsSetDtrSetRtsWithTheDtrResend) {
  // D0 | R1 (+D0) | W0.1 | D1 | R0 (+D1) | W delay | D0
  EXPECT_EQ(writes(esptool::reset::classic_reset(50), kOpened), "01 01 01 W100 11 10 10 W50 00 ");
  EXPECT_EQ(writes(esptool::reset::classic_reset(550), {false, false}), "00 01 01 W100 11 10 10 W550 00 ");
}

TEST(ResetSequence, TightSetsBothLinesPerWriteAndEndsWithAPlainDtr) {
  EXPECT_EQ(writes(esptool::reset::tight_reset(50), kOpened), "00 11 01 W100 10 W50 00 00 ");
}

TEST(ResetSequence, UsbJtagSerialPassesThroughBothAssertedNotBothReleased) {
  // R0 (+D) | D0 | W | D1 | R0 (+D1) | W | R1 (+D1) | D0 | R1 (+D0) | W | D0 | R0 (+D0)
  EXPECT_EQ(writes(esptool::reset::usb_jtag_serial_reset(), kOpened),
            "10 10 00 W100 10 10 10 W100 11 11 01 01 01 W100 01 00 00 ");
}

TEST(ResetSequence, HardResetPulsesRtsAndKeepsDtr) {
  EXPECT_EQ(writes(esptool::reset::hard_reset(false), {false, false}), "01 01 W100 00 00 ");
  EXPECT_EQ(writes(esptool::reset::hard_reset(true), {false, false}), "01 01 W200 00 00 W200 ");
}

TEST(ResetSequence, CustomStringForClassicIsTheClassicWithoutTheDtrResend) {
  auto parsed = esptool::reset::parse_custom_reset("D0|R1|W0.1|D1|R0|W0.05|D0");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  // CustomReset's R is port.setRTS, not ResetStrategy._setRTS.
  EXPECT_EQ(writes(*parsed, kOpened), "01 01 W100 11 10 W50 00 ");
}

TEST(ResetSequence, CustomStringWithBothLinesAtOnce) {
  auto parsed = esptool::reset::parse_custom_reset("U1,1|U0,1|W0.1|U1,0|W0.05|U0,0");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(writes(*parsed, {false, false}), "11 01 W100 10 W50 00 ");
}

TEST(ResetSequence, MalformedCustomStringsAreOneLineErrors) {
  for (const char* bad : {"", "D2", "X1", "W", "Wabc", "U1", "U1,2", "D0||R1", "W-1", "D0|"}) {
    auto parsed = esptool::reset::parse_custom_reset(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().name(), "bad_argument");
  }
}

TEST(ResetSequence, StrategiesFollowThePortKindAsLoaderPyDoes) {
  auto delays = [](const std::vector<Sequence>& list) {
    std::string out;
    for (const Sequence& s : list) out += show(Sequence{s[5]}) + "|";  // the delay is step 5 of both
    return out;
  };
  // POSIX (and Web Serial): tight 0.05, tight 0.55, classic 0.05, classic 0.55.
  const auto posix = esptool::reset::connect_strategies(PortKind::kPosixSerial, false);
  ASSERT_EQ(posix.size(), 4u);
  EXPECT_EQ(posix[0].size(), 8u);  // tight
  EXPECT_EQ(posix[2].size(), 7u);  // classic
  EXPECT_EQ(delays(posix), "W50 |W550 |W50 |W550 |");
  EXPECT_EQ(esptool::reset::connect_strategies(PortKind::kWebSerial, false).size(), 4u);
  // Windows and RFC 2217: classic only.
  for (PortKind k : {PortKind::kWindowsSerial, PortKind::kRfc2217}) {
    const auto classic = esptool::reset::connect_strategies(k, false);
    ASSERT_EQ(classic.size(), 2u);
    EXPECT_EQ(classic[0].size(), 7u);
    EXPECT_EQ(delays(classic), "W50 |W550 |");
  }
  EXPECT_EQ(esptool::reset::connect_strategies(PortKind::kPosixSerial, true).size(), 1u);
}

TEST(ResetSequence, PortKindsByNameAndTheirLinesAfterOpen) {
  EXPECT_EQ(esptool::reset::parse_port_kind("posix").value(), PortKind::kPosixSerial);
  EXPECT_EQ(esptool::reset::parse_port_kind("windows").value(), PortKind::kWindowsSerial);
  EXPECT_FALSE(esptool::reset::parse_port_kind("usb").ok());
  EXPECT_EQ(esptool::reset::lines_after_open(PortKind::kWindowsSerial), (Lines{false, false}));
  EXPECT_EQ(esptool::reset::lines_after_open(PortKind::kRfc2217), (Lines{true, true}));
}

}  // namespace
