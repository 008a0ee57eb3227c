// core/cli/shlex: expected words come from CPython 3.11's shlex.split on the same strings.
#include "core/cli/shlex.h"

#include <gtest/gtest.h>

namespace esptool::cli {
namespace {

using Words = std::vector<std::string>;

Words split(std::string_view s) {
  auto r = shlex_split(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? r.value() : Words{};
}

TEST(ShlexSplit, WhitespaceSeparatesWordsAndRunsCollapse) {
  EXPECT_EQ(split("a b  c"), (Words{"a", "b", "c"}));
  EXPECT_EQ(split("x\ty\r\n"), (Words{"x", "y"}));
  EXPECT_EQ(split("  "), Words{});
}

TEST(ShlexSplit, QuotesGroupAndEmptyQuotesMakeAnEmptyWord) {
  EXPECT_EQ(split("0x1000 \"build/boot loader.bin\""), (Words{"0x1000", "build/boot loader.bin"}));
  EXPECT_EQ(split("''"), Words{""});
  EXPECT_EQ(split("'' x"), (Words{"", "x"}));
  EXPECT_EQ(split("a\"\"b"), Words{"ab"});
  EXPECT_EQ(split("a\"b c\"d"), Words{"ab cd"});
  EXPECT_EQ(split("\"it's\""), Words{"it's"});
  EXPECT_EQ(split("'say \"hi\"'"), Words{"say \"hi\""});
}

TEST(ShlexSplit, BackslashEscapesOutsideQuotesAndOnlyQuoteOrBackslashInDoubleQuotes) {
  EXPECT_EQ(split("a\\ b"), Words{"a b"});
  EXPECT_EQ(split("\"a\\\"b\\\\c\\d\""), Words{"a\"b\\c\\d"});
  EXPECT_EQ(split("'a\\b'"), Words{"a\\b"});
}

TEST(ShlexSplit, HashIsAnOrdinaryCharacter) {
  EXPECT_EQ(split("#x y"), (Words{"#x", "y"}));
  EXPECT_EQ(split("a#b"), Words{"a#b"});
}

TEST(ShlexSplit, UnterminatedQuoteOrTrailingBackslashIsAnError) {
  auto open_double = shlex_split("\"abc");
  ASSERT_FALSE(open_double.ok());
  EXPECT_EQ(open_double.error().message(), "No closing quotation");
  EXPECT_FALSE(shlex_split("'abc").ok());
  auto trailing = shlex_split("abc\\");
  ASSERT_FALSE(trailing.ok());
  EXPECT_EQ(trailing.error().message(), "No escaped character");
}

TEST(SplitArgumentFile, EachLineIsSplitOnItsOwnSoQuotesDoNotSpanLines) {
  auto words = split_argument_file("--flash_mode dio --flash_size 4MB\r\n0x1000 a.bin\n0x8000 'p t.bin'");
  ASSERT_TRUE(words.ok());
  EXPECT_EQ(words.value(),
            (Words{"--flash_mode", "dio", "--flash_size", "4MB", "0x1000", "a.bin", "0x8000", "p t.bin"}));
  EXPECT_FALSE(split_argument_file("'a\nb'").ok());
}

TEST(ExpandFileArguments, ReplacesAtArgumentsAnywhereAndEchoesTheExpandedLine) {
  std::vector<std::string> argv{"--chip", "esp32", "merge_bin", "-o", "out.bin", "@flash_args"};
  EXPECT_EQ(argument_files(argv), Words{"flash_args"});
  auto r = expand_file_arguments(argv, {{"flash_args", "--flash_mode dio\n0x1000 b.bin\n"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->args, (Words{"--chip", "esp32", "merge_bin", "-o", "out.bin", "--flash_mode", "dio",
                            "0x1000", "b.bin"}));
  EXPECT_EQ(r->lines,
            Words{"esptool.py --chip esp32 merge_bin -o out.bin --flash_mode dio 0x1000 b.bin"});
}

TEST(ExpandFileArguments, ExpandsOneLevelOnlyAndPrintsNothingWithoutAtArguments) {
  auto nested = expand_file_arguments({"@a"}, {{"a", "@b x"}});
  ASSERT_TRUE(nested.ok());
  EXPECT_EQ(nested->args, (Words{"@b", "x"}));
  auto plain = expand_file_arguments({"version"}, {});
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->args, Words{"version"});
  EXPECT_TRUE(plain->lines.empty());
}

TEST(ExpandFileArguments, MissingFileTextIsFileNotFound) {
  auto r = expand_file_arguments({"@nope"}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().name(), "file_not_found");
}

}  // namespace
}  // namespace esptool::cli
