// Checks of the test-side fixture writers themselves (ELF builder, RAM image, Intel HEX,
// reference SHA-256), read back with plain offset arithmetic, not with core's parsers.
#include "tests/support/elf_builder.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/support/elf_scenarios.h"
#include "tests/support/fixtures.h"
#include "tests/support/image_writer.h"
#include "tests/support/ref_sha256.h"

namespace esptool::testing {
namespace {

struct Shdr {
  std::string name;
  uint32_t type, flags, addr, offset, size;
};

std::vector<Shdr> read_sections(const Bytes& elf) {
  const uint32_t shoff = read_le32(&elf[32]);
  const uint16_t shnum = read_le16(&elf[48]);
  const uint16_t shstrndx = read_le16(&elf[50]);
  const uint8_t* strtab_hdr = &elf[shoff + 0x28 * shstrndx];
  const uint32_t strtab = read_le32(strtab_hdr + 16);
  std::vector<Shdr> out;
  for (uint16_t i = 0; i < shnum; ++i) {
    const uint8_t* h = &elf[shoff + 0x28 * i];
    Shdr s{reinterpret_cast<const char*>(&elf[strtab + read_le32(h)]),
           read_le32(h + 4),
           read_le32(h + 8),
           read_le32(h + 12),
           read_le32(h + 16),
           read_le32(h + 20)};
    out.push_back(s);
  }
  return out;
}

TEST(ElfBuilder, HeaderDescribesA32BitLittleEndianExecutable) {
  ElfBuilder b(kEmRiscv);
  b.add_progbits(".text", 0x40380000, kShfAlloc | kShfExecInstr, Bytes{1, 2, 3, 4, 5});
  b.add_load_segments_for_sections();
  b.entry(0x40380004);
  const Bytes elf = b.build();
  EXPECT_EQ(Bytes(elf.begin(), elf.begin() + 7), (Bytes{0x7F, 'E', 'L', 'F', 1, 1, 1}));
  EXPECT_EQ(read_le16(&elf[18]), 0xF3);
  EXPECT_EQ(read_le32(&elf[24]), 0x40380004u);
  EXPECT_EQ(read_le32(&elf[28]), 0x34u);  // e_phoff
  EXPECT_EQ(read_le16(&elf[44]), 1);      // e_phnum
  EXPECT_EQ(read_le16(&elf[46]), 0x28);   // e_shentsize
  EXPECT_EQ(read_le16(&elf[48]), 3);      // null, .text, .shstrtab
}

TEST(ElfBuilder, SectionsReadBackWithNamesAddressesAndData) {
  ElfBuilder b(kEmXtensa);
  b.add_progbits(".iram0.text", 0x40080000, kShfAlloc | kShfExecInstr, Bytes{9, 8, 7});
  b.add_nobits(".bss", 0x3FFB0000, 0x100, kShfAlloc | kShfWrite);
  const Bytes elf = b.build();
  const auto s = read_sections(elf);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[1].name, ".iram0.text");
  EXPECT_EQ(s[1].addr, 0x40080000u);
  EXPECT_EQ(s[1].size, 3u);
  EXPECT_EQ(Bytes(elf.begin() + s[1].offset, elf.begin() + s[1].offset + 3), (Bytes{9, 8, 7}));
  EXPECT_EQ(s[2].type, kShtNobits);
  EXPECT_EQ(s[2].size, 0x100u);
  EXPECT_EQ(s[3].name, ".shstrtab");
  EXPECT_EQ(s[3].type, kShtStrtab);
}

TEST(ElfBuilder, LoadSegmentForSectionPointsAtItsFileBytes) {
  ElfBuilder b(kEmXtensa);
  const size_t text = b.add_progbits(".t", 0x40080000, kShfAlloc, Bytes(12, 0xAB));
  ElfSegmentSpec p{.vaddr = 0x50000000,
                   .paddr = 0x3FFB2000,
                   .filesz = {},
                   .memsz = 0x20,
                   .flags = kPfR,
                   .align = 4,
                   .section = text,
                   .data = {}};
  b.add_segment(p);
  const Bytes elf = b.build();
  const uint8_t* ph = &elf[0x34];
  const auto s = read_sections(elf);
  EXPECT_EQ(read_le32(ph), kPtLoad);
  EXPECT_EQ(read_le32(ph + 4), s[1].offset);
  EXPECT_EQ(read_le32(ph + 8), 0x50000000u);
  EXPECT_EQ(read_le32(ph + 12), 0x3FFB2000u);
  EXPECT_EQ(read_le32(ph + 16), 12u);
  EXPECT_EQ(read_le32(ph + 20), 0x20u);
}

TEST(ElfScenarios, AppHasDescriptorWithMagicAtDromStart) {
  const Bytes elf = idf_app_elf("esp32");
  for (const Shdr& s : read_sections(elf)) {
    if (s.name != ".flash.appdesc") continue;
    EXPECT_EQ(s.addr, 0x3F400020u);
    EXPECT_EQ(s.size, 256u);
    EXPECT_EQ(read_le32(&elf[s.offset]), 0xABCD5432u);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(&elf[s.offset + 48])), "hello_world");
    return;
  }
  FAIL() << "no .flash.appdesc";
}

TEST(ElfScenarios, EveryChipAppIsBuiltAndDeterministic) {
  for (const char* chip :
       {"esp32", "esp32s2", "esp32s3", "esp32c2", "esp32c3", "esp32c6", "esp32h2", "esp32p4"}) {
    const Bytes a = idf_app_elf(chip);
    EXPECT_GT(a.size(), 0x1000u) << chip;
    EXPECT_EQ(a, idf_app_elf(chip)) << chip;
  }
  EXPECT_TRUE(idf_app_elf("esp9000").empty());
}

TEST(ElfScenarios, TooManySectionsHasEighteenLoadableSections) {
  int loadable = 0;
  for (const Shdr& s : read_sections(esp32_too_many_sections_elf())) {
    if (s.type == kShtProgbits && s.addr != 0) ++loadable;
  }
  EXPECT_EQ(loadable, 18);
}

TEST(ElfScenarios, TruncatedElfEndsInsideTheSectionHeaderTable) {
  const Bytes elf = esp32_truncated_elf();
  const uint32_t shoff = read_le32(&elf[32]);
  EXPECT_GT(elf.size(), shoff);
  EXPECT_LT(elf.size(), shoff + 0x28u * read_le16(&elf[48]));
}

TEST(Fixtures, NamesAreUniqueAndContentsAreNotAllZero) {
  std::set<std::string> names;
  for (const FixtureFile& f : all_fixtures()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    if (f.name == "empty.bin") continue;
    bool nonzero = false;
    for (uint8_t b : f.bytes) nonzero |= b != 0;
    EXPECT_TRUE(nonzero) << f.name;
  }
}

TEST(RefSha256, MatchesFipsExamples) {
  const std::string abc = "abc";
  EXPECT_EQ(ref_sha256_hex(Bytes(abc.begin(), abc.end())),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(ref_sha256_hex(Bytes()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const std::string two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  EXPECT_EQ(ref_sha256_hex(Bytes(two.begin(), two.end())),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(RamImage, ChecksumSitsAtOffsetFifteenModSixteenAndDigestCoversIt) {
  RamImageSpec spec;
  spec.segments.push_back({0x3FFB0000, Bytes{1, 2, 3}});
  const Bytes img = ram_image(spec);
  // 24 header + 8 + 4 (padded data) = 36 -> checksum at 47, then 32-byte digest.
  ASSERT_EQ(img.size(), 48u + 32u);
  EXPECT_EQ(img[47], uint8_t(0xEF ^ 1 ^ 2 ^ 3));
  EXPECT_EQ(Bytes(img.begin() + 48, img.end()), ref_sha256(std::span(img.data(), 48)));
}

TEST(IntelHex, EmitsExtendedAddressDataAndEndRecords) {
  const std::string hex = intel_hex(0x1FFFE, Bytes{0xAA, 0xBB, 0xCC});
  EXPECT_EQ(hex, ":020000040001F9\n:02FFFE00AABB9C\n:020000040002F8\n:01000000CC33\n:00000001FF\n");
}

}  // namespace
}  // namespace esptool::testing
