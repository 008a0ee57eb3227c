// Intel HEX writer/reader. Expected texts were produced by python3-intelhex 2.3.0 (Debian 12),
// the library esptool v4.8.1 uses: IntelHex().frombytes(data, addr) per run, then
// write_hex_file(io.StringIO()) on Linux; data bytes are pattern(n, seed)[k] = seed*31 + k*7.
// Reader expectations come from IntelHex().loadhex(f) + tobinfile(start=...) on the same text.
#include "core/image/intel_hex.h"

#include <gtest/gtest.h>

#include <string>

namespace esptool::image {
namespace {

Bytes pattern(size_t n, unsigned seed) {
  Bytes b(n);
  for (size_t k = 0; k < n; ++k) b[k] = uint8_t(seed * 31 + k * 7);
  return b;
}

std::string hex_text(const std::vector<HexSegment>& segments) {
  auto r = write_intel_hex(segments);
  EXPECT_TRUE(r.ok());
  return r.ok() ? std::string(r->begin(), r->end()) : std::string();
}

Bytes text(const std::string& s) { return Bytes(s.begin(), s.end()); }

TEST(IntelHexWrite, RunIsCutIntoSixteenByteRecordsWithoutOffsetRecordsBelow64K) {
  EXPECT_EQ(hex_text({{0x1000, pattern(40, 1)}}),
            ":101000001F262D343B424950575E656C737A8188A8\n"
            ":101010008F969DA4ABB2B9C0C7CED5DCE3EAF1F898\n"
            ":08102000FF060D141B2229300C\n"
            ":00000001FF\n");
}

TEST(IntelHexWrite, RecordsCountFromTheRunStartAndStopAtGaps) {
  EXPECT_EQ(hex_text({{0x1020, pattern(3, 3)}, {0x1008, pattern(20, 2)}}),
            ":101008003E454C535A61686F767D848B9299A0A7B0\n"
            ":04101800AEB5BCC3F2\n"
            ":031020005D646BA1\n"
            ":00000001FF\n");
}

TEST(IntelHexWrite, RecordStopsAt64KBoundaryAndEachRegionGetsAType04Record) {
  EXPECT_EQ(hex_text({{0xFFF8, pattern(20, 4)}}),
            ":020000040000FA\n"
            ":08FFF8007C838A91989FA6AD5D\n"
            ":020000040001F9\n"
            ":0C000000B4BBC2C9D0D7DEE5ECF3FA01B6\n"
            ":00000001FF\n");
}

TEST(IntelHexWrite, Type04RecordsAreWrittenOnlyForRegionsHoldingData) {
  EXPECT_EQ(hex_text({{0x3F0000, pattern(8, 7)}, {0x10000, pattern(4, 8)}}),
            ":020000040001F9\n"
            ":04000000F8FF060DF2\n"
            ":02000004003FBB\n"
            ":08000000D9E0E7EEF5FC030A6C\n"
            ":00000001FF\n");
}

TEST(IntelHexWrite, AdjacentSegmentsShareRecordsLikeOneRun) {
  EXPECT_EQ(hex_text({{0xFF8, pattern(8, 5)}, {0x1000, pattern(16, 6)}}),
            ":100FF8009BA2A9B0B7BEC5CCBAC1C8CFD6DDE4EBB9\n"
            ":08100800F2F900070E151C238C\n"
            ":00000001FF\n");
}

TEST(IntelHexWrite, NoDataGivesOnlyTheEndRecord) {
  EXPECT_EQ(hex_text({}), ":00000001FF\n");
  EXPECT_EQ(hex_text({{0x1000, {}}}), ":00000001FF\n");
}

TEST(IntelHexWrite, OverlappingSegmentsAreRefused) {
  auto r = write_intel_hex({{0x1000, pattern(16, 1)}, {0x100F, pattern(1, 1)}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().name(), "overlap");
}

TEST(IntelHexWrite, DataPast4GiBIsRefused) {
  auto r = write_intel_hex({{0xFFFFFFF0, pattern(17, 1)}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::kBadArgument);
}

TEST(IntelHexRead, WrittenTextReadsBackToTheSameSegments) {
  const std::vector<HexSegment> in = {{0xFFF8, pattern(20, 4)}, {0x3F0000, pattern(300, 9)}};
  auto hex = write_intel_hex(in);
  ASSERT_TRUE(hex.ok());
  auto back = parse_intel_hex(hex.value());
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[0].address, 0xFFF8u);
  EXPECT_EQ((*back)[0].data, in[0].data);
  EXPECT_EQ((*back)[1].address, 0x3F0000u);
  EXPECT_EQ((*back)[1].data, in[1].data);
}

TEST(IntelHexRead, ToBinStartsAtTheLowestAddressAndFillsGapsWithFF) {
  auto bin = intel_hex_to_bin(text(":0400100001020304E2\n:0100180009DE\n:00000001FF\n"));
  ASSERT_TRUE(bin.ok());
  EXPECT_EQ(bin.value(), (Bytes{1, 2, 3, 4, 0xFF, 0xFF, 0xFF, 0xFF, 9}));
}

TEST(IntelHexRead, ToBinFromAGivenStartPadsBelowAndDropsDataBeforeIt) {
  const Bytes hex = text(":0400100001020304E2\n:00000001FF\n");
  auto padded = intel_hex_to_bin(hex, 0x0C);
  ASSERT_TRUE(padded.ok());
  EXPECT_EQ(padded.value(), (Bytes{0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3, 4}));
  auto cut = intel_hex_to_bin(hex, 0x12);
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut.value(), (Bytes{3, 4}));
}

TEST(IntelHexRead, StartAboveTheDataSwapsTheEndsAsIntelhexDoes) {
  // tobinfile(start=0x16) on data 0x10..0x13: intelhex returns 0x13..0x16.
  auto bin = intel_hex_to_bin(text(":0400100001020304E2\n"), 0x16);
  ASSERT_TRUE(bin.ok());
  EXPECT_EQ(bin.value(), (Bytes{4, 0xFF, 0xFF, 0xFF}));
}

TEST(IntelHexRead, CrLfAndLoneCrLineEndsAndBlankLinesAreAccepted) {
  for (const char* s : {":0400100001020304E2\r\n:00000001FF\r\n",
                        ":0400100001020304E2\r:00000001FF\r", "\n\n:0400100001020304e2\n\n"}) {
    auto bin = intel_hex_to_bin(text(s));
    ASSERT_TRUE(bin.ok()) << s;
    EXPECT_EQ(bin.value(), (Bytes{1, 2, 3, 4})) << s;
  }
}

TEST(IntelHexRead, RecordsAfterTheEndRecordAreIgnored) {
  auto bin = intel_hex_to_bin(text(":0400100001020304E2\n:00000001FF\n:0400200001020304D2\nxyz\n"));
  ASSERT_TRUE(bin.ok());
  EXPECT_EQ(bin.value(), (Bytes{1, 2, 3, 4}));
}

TEST(IntelHexRead, SegmentAndLinearBaseRecordsMoveLaterData) {
  auto linear = parse_intel_hex(text(":020000040001F9\n:0400100001020304E2\n"));
  ASSERT_TRUE(linear.ok());
  EXPECT_EQ(linear->at(0).address, 0x10010u);
  auto segment = parse_intel_hex(text(":020000021000EC\n:0400100001020304E2\n"));
  ASSERT_TRUE(segment.ok());
  EXPECT_EQ(segment->at(0).address, 0x10010u);
}

TEST(IntelHexRead, DataRunsOnPast64KWithoutWrapping) {
  auto bin = parse_intel_hex(text(":02FFFF000102FD\n"));
  ASSERT_TRUE(bin.ok());
  EXPECT_EQ(bin->at(0).address, 0xFFFFu);
  EXPECT_EQ(bin->at(0).data, (Bytes{1, 2}));
}

TEST(IntelHexRead, EmptyFileAndEndRecordOnlyGiveNoBytes) {
  for (const char* s : {"", ":00000001FF\n"}) {
    auto bin = intel_hex_to_bin(text(s), 0x1000);
    ASSERT_TRUE(bin.ok());
    EXPECT_TRUE(bin->empty());
  }
}

struct BadHex {
  const char* text;
  const char* message;
};

TEST(IntelHexRead, MalformedRecordsAreInvalidImageErrorsNamingTheLine) {
  const BadHex cases[] = {
      {":0400100001020304E3\n", "Intel HEX line 1: record has an invalid checksum"},
      {":0400100001020304E2 \n", "Intel HEX line 1: not a valid record"},
      {"\n:04001000010203E2\n", "Intel HEX line 2: record has an invalid length"},
      {":\n", "Intel HEX line 1: not a valid record"},
      {":0400100001020304E\n", "Intel HEX line 1: not a valid record"},
      {"x0400100001020304E2\n", "Intel HEX line 1: not a valid record"},
      {":0000000600\n", "Intel HEX line 1: record has an invalid record type"},
      {":0100000100FE\n", "Intel HEX line 1: invalid End-of-File record"},
      {":0400000501020304ED\n:0400000501020304ED\n",
       "Intel HEX line 2: start address record appears twice"},
      {":03000004000100F8\n", "Intel HEX line 1: invalid extended address record"},
      {":0400100001020304E2\n\xff\n", "Intel HEX file is not valid UTF-8 text"},
      {":01000000\xc0\xaf\n", "Intel HEX file is not valid UTF-8 text"},
  };
  for (const auto& c : cases) {
    auto r = parse_intel_hex(text(c.text));
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().code, Errc::kInvalidImage) << c.text;
    EXPECT_EQ(r.error().message(), c.message) << c.text;
  }
}

TEST(IntelHexRead, ValidUtf8ThatIsNotHexIsARecordError) {
  auto r = parse_intel_hex(text(":04\xc3\xa9\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message(), "Intel HEX line 1: not a valid record");
}

TEST(IntelHexRead, ByteGivenTwiceIsAnOverlapErrorAtTheFirstSharedAddress) {
  auto r = parse_intel_hex(text(":0400100001020304E2\n:0400120001020304E0\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().name(), "overlap");
  EXPECT_EQ(r.error().message(), "Intel HEX line 2: data overlaps earlier data at address 0x12");
}

TEST(IntelHexRead, HugeSpanIsRefusedInsteadOfAllocated) {
  auto r = intel_hex_to_bin(text(":0100000001FE\n:02000004FFFFFC\n:0100000001FE\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::kImageTooBig);
}

TEST(IntelHexRead, LooksLikeHexOnlyWhenTheFirstByteIsAColon) {
  EXPECT_TRUE(looks_like_intel_hex(text(":")));
  EXPECT_FALSE(looks_like_intel_hex(text(" :")));
  EXPECT_FALSE(looks_like_intel_hex({}));
}

}  // namespace
}  // namespace esptool::image
