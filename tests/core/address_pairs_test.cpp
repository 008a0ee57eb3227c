// Address/file pairs. Expected values and messages are esptool v4.8.1's (AddrFilenamePairAction
// in esptool/__init__.py; run as `python3 -m esptool --chip esp32 merge_bin -o out ...` from an
// extracted v4.8.1 tree) and CPython 3.11's int(x, 0).
#include "core/image/address_pairs.h"

#include <gtest/gtest.h>

namespace esptool::image {
namespace {

TEST(ParseAddress, AcceptsWhatPythonIntBaseZeroAccepts) {
  const std::pair<const char*, uint32_t> ok[] = {
      {"0x1000", 0x1000}, {"0X10_00", 0x1000}, {"4096", 4096}, {" 0x10 ", 0x10},
      {"0o17", 15},       {"0b101", 5},        {"0", 0},       {"00", 0},
      {"0_0", 0},         {"+7", 7},           {"0x_1", 1},    {"0xFFFFFFFF", 0xFFFFFFFF},
      {"-0", 0}};
  for (const auto& [text, value] : ok) {
    auto r = parse_address(text);
    ASSERT_TRUE(r.ok()) << text;
    EXPECT_EQ(r.value(), value) << text;
  }
}

TEST(ParseAddress, RejectsWhatPythonIntBaseZeroRejects) {
  for (const char* text :
       {"", "0x", "010", "1__0", "1_", "_1", "0x1g", "abc", "1.0", "+ 1", "0b2"}) {
    auto r = parse_address(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().message(), std::string("Address \"") + text + "\" must be a number");
  }
}

TEST(ParseAddress, NumbersOutside32BitsAreRefused) {
  for (const char* text : {"-1", "0x100000000", "99999999999999999999999"}) {
    auto r = parse_address(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, Errc::kBadArgument);
  }
}

TEST(ParseAddressPairs, PairsAreKeptInTheGivenOrder) {
  const std::vector<std::string> words = {"0x10000", "app.bin", "0x1000", "boot.bin"};
  auto r = parse_address_pairs(words);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->at(0).address, 0x10000u);
  EXPECT_EQ(r->at(0).path, "app.bin");
  EXPECT_EQ(r->at(1).address, 0x1000u);
}

TEST(ParseAddressPairs, OddCountGivesEsptoolsMessage) {
  const std::vector<std::string> words = {"0x1000", "boot.bin", "0x8000"};
  auto r = parse_address_pairs(words);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message(),
            "Must be pairs of an address and the binary filename to write there");
}

TEST(ParseAddressPairs, BadAddressIsReportedBeforeTheMissingFile) {
  const std::vector<std::string> words = {"0x1000", "boot.bin", "boot2.bin"};
  auto r = parse_address_pairs(words);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message(), "Address \"boot2.bin\" must be a number");
}

AddressedFile file(uint32_t address, size_t size, const char* name) {
  return AddressedFile{address, name, Bytes(size, 0xAA)};
}

TEST(CheckOverlap, FilesInSeparateSectorsPassInAnyOrder) {
  EXPECT_TRUE(
      check_overlap({file(0x10000, 0x400, "c"), file(0x0, 0x1000, "a"), file(0x1000, 0x400, "b")})
          .ok());
}

TEST(CheckOverlap, SharingASectorIsAnOverlapEvenWithoutSharedBytes) {
  // esptool: "Detected overlap at address: 0x800 for file: b.bin"
  auto s = check_overlap({file(0x0, 0x400, "a.bin"), file(0x800, 0x10, "b.bin")});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().name(), "overlap");
  EXPECT_EQ(s.error().message(), "Detected overlap at address: 0x800 for file: b.bin");
}

TEST(CheckOverlap, TheLaterFileInAddressOrderIsNamed) {
  auto s =
      check_overlap({file(0x20000, 0x400, "one_kb.bin"), file(0x1000, 0x100000, "one_mb.bin")});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message(), "Detected overlap at address: 0x20000 for file: one_kb.bin");
}

TEST(CheckOverlap, EmptyFileAtZeroDoesNotBlockAFileAtZero) {
  EXPECT_TRUE(check_overlap({file(0x0, 0, "empty"), file(0x0, 0x10, "x")}).ok());
}

TEST(ConvertHexInputs, HexFileIsFlattenedFromItsAddress) {
  const std::string hex = ":0410040001020304DE\n:00000001FF\n";  // 4 bytes at 0x1004
  std::vector<AddressedFile> files = {{0x1000, "boot.hex", Bytes(hex.begin(), hex.end())}};
  ASSERT_TRUE(convert_hex_inputs(files).ok());
  EXPECT_EQ(files[0].data, (Bytes{0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3, 4}));
}

TEST(ConvertHexInputs, FileStartingWithColonThatIsNotHexStaysRaw) {
  std::vector<AddressedFile> files = {{0x0, "colon.bin", Bytes{':'}}};
  ASSERT_TRUE(convert_hex_inputs(files).ok());
  EXPECT_EQ(files[0].data, Bytes{':'});
}

TEST(ConvertHexInputs, HexWithABytesGivenTwiceIsAnError) {
  const std::string hex = ":0400100001020304E2\n:0400120001020304E0\n";
  std::vector<AddressedFile> files = {{0x0, "dup.hex", Bytes(hex.begin(), hex.end())}};
  auto s = convert_hex_inputs(files);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message(),
            "dup.hex: Intel HEX line 2: data overlaps earlier data at address 0x12");
}

}  // namespace
}  // namespace esptool::image
