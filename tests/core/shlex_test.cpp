// shlex_split / split_argument_file. Expected words are what CPython 3.11's shlex.split printed
// for the same strings (run with /usr/bin/python3 on Debian 12).
#include "core/util/shlex.h"

#include <gtest/gtest.h>

namespace esptool::util {
namespace {

using Words = std::vector<std::string>;

Words split(const std::string& s) {
  auto r = shlex_split(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? r.value() : Words{"<error>"};
}

TEST(ShlexSplit, WhitespaceSeparatesWords) {
  EXPECT_EQ(split("a b  c"), (Words{"a", "b", "c"}));
  EXPECT_EQ(split("\t a\r\n"), (Words{"a"}));
  EXPECT_EQ(split(""), Words{});
}

TEST(ShlexSplit, QuotesGroupAndJoinWithNeighbours) {
  EXPECT_EQ(split("\"a b\" c"), (Words{"a b", "c"}));
  EXPECT_EQ(split("p\"q r\"s"), (Words{"pq rs"}));
  EXPECT_EQ(split("a\"\"b"), (Words{"ab"}));
  EXPECT_EQ(split("''"), (Words{""}));
}

TEST(ShlexSplit, SingleQuotesAreLiteral) { EXPECT_EQ(split("'a \\\" b'"), (Words{"a \\\" b"})); }

TEST(ShlexSplit, BackslashInDoubleQuotesEscapesOnlyQuoteAndBackslash) {
  EXPECT_EQ(split("\"x\\\"y\\\\z\\n\""), (Words{"x\"y\\z\\n"}));
}

TEST(ShlexSplit, BackslashOutsideQuotesEscapesAnything) {
  EXPECT_EQ(split("a\\ b"), (Words{"a b"}));
}

TEST(ShlexSplit, HashIsAnOrdinaryCharacter) { EXPECT_EQ(split("#x y"), (Words{"#x", "y"})); }

TEST(ShlexSplit, UnbalancedInputGivesPythonsMessages) {
  for (const char* s : {"\"abc", "'abc"}) {
    auto r = shlex_split(s);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message(), "No closing quotation");
  }
  for (const char* s : {"x\\", "\"\\"}) {
    auto r = shlex_split(s);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message(), "No escaped character");
  }
}

TEST(SplitArgumentFile, LinesAreSplitSeparatelyAndConcatenated) {
  auto r = split_argument_file(
      "--flash_mode dio --flash_freq 40m\r\n0x1000 \"a b.bin\"\n\n0x8000 p.bin");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value(), (Words{"--flash_mode", "dio", "--flash_freq", "40m", "0x1000", "a b.bin",
                              "0x8000", "p.bin"}));
}

TEST(SplitArgumentFile, QuoteCannotSpanLinesAndTheErrorNamesTheLine) {
  auto r = split_argument_file("a\n\"b\nc\"\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message(), "Argument file line 2: No closing quotation");
}

}  // namespace
}  // namespace esptool::util
