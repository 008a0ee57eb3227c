// ELF reader: accepted subset and every rejection path (image-format.md §4.2). Inputs come from
// tests/support/elf_builder; broken files are made by cutting or patching well-formed ones.
#include <gtest/gtest.h>

#include "core/image/elf.h"
#include "tests/support/elf_builder.h"
#include "tests/support/elf_scenarios.h"

namespace {

using esptool::Bytes;
using esptool::Errc;
using esptool::image::parse_elf;
using esptool::testing::ElfBuilder;

Bytes small_elf() {
  ElfBuilder b(esptool::testing::kEmXtensa);
  b.entry(0x40080000);
  b.add_progbits(".iram0.text", 0x40080000, esptool::testing::kShfAlloc | esptool::testing::kShfExecInstr,
                 Bytes(10, 0xAB));
  b.add_progbits(".dram0.data", 0x3FFB0000, esptool::testing::kShfAlloc, Bytes(8, 0xCD));
  b.add_nobits(".bss", 0x3FFB1000, 64, esptool::testing::kShfAlloc);
  b.add_load_segments_for_sections();
  return b.build();
}

TEST(ElfReader, ReadsProgbitsSectionsAndLoadSegmentsButNotNobits) {
  auto elf = parse_elf(small_elf());
  ASSERT_TRUE(elf.ok()) << elf.error().message();
  EXPECT_EQ(elf->entry, 0x40080000u);
  ASSERT_EQ(elf->sections.size(), 2u);
  EXPECT_EQ(elf->sections[0].name, ".iram0.text");
  EXPECT_EQ(esptool::copy_bytes(elf->sections[0].data), Bytes(10, 0xAB));
  EXPECT_EQ(elf->sections[1].address, 0x3FFB0000u);
  EXPECT_EQ(elf->segments.size(), 2u);  // the NOBITS segment has filesz 0
}

TEST(ElfReader, EveryTruncationIsAnErrorNeverACrash) {
  const Bytes full = esptool::testing::idf_app_elf("esp32");
  ASSERT_TRUE(parse_elf(full).ok());
  for (size_t len = 0; len < full.size(); len += (len < 256 ? 1 : 97)) {
    Bytes cut(full.begin(), full.begin() + len);
    auto r = parse_elf(cut);
    ASSERT_FALSE(r.ok()) << "length " << len;
    EXPECT_EQ(r.error().code, Errc::kInvalidElf);
    EXPECT_FALSE(r.error().message().empty());
  }
}

TEST(ElfReader, RejectsWrongMagicClassEndiannessAndMachine) {
  Bytes elf = small_elf();
  Bytes bad = elf;
  bad[1] = 'X';
  EXPECT_NE(parse_elf(bad).error().message().find("magic"), std::string::npos);
  bad = elf;
  bad[4] = 2;  // ELFCLASS64
  EXPECT_NE(parse_elf(bad).error().message().find("32-bit"), std::string::npos);
  bad = elf;
  bad[5] = 2;  // big-endian
  EXPECT_NE(parse_elf(bad).error().message().find("little-endian"), std::string::npos);
  bad = elf;
  bad[18] = 0x28;  // ARM
  EXPECT_NE(parse_elf(bad).error().message().find("e_machine=0028"), std::string::npos);
}

TEST(ElfReader, AbsurdCountsAndOffsetsAreErrors) {
  const Bytes elf = small_elf();
  Bytes bad = elf;
  esptool::write_le16(bad.data() + 48, 0xFFFF);  // e_shnum
  EXPECT_FALSE(parse_elf(bad).ok());
  bad = elf;
  esptool::write_le32(bad.data() + 32, 0xFFFFFFF0);  // e_shoff
  EXPECT_FALSE(parse_elf(bad).ok());
  bad = elf;
  esptool::write_le16(bad.data() + 44, 0xFFFF);  // e_phnum
  EXPECT_FALSE(parse_elf(bad).ok());
  bad = elf;
  esptool::write_le16(bad.data() + 48, 0);  // no sections
  EXPECT_NE(parse_elf(bad).error().message().find("0 section headers"), std::string::npos);
  bad = elf;
  esptool::write_le16(bad.data() + 50, 200);  // e_shstrndx out of range
  EXPECT_NE(parse_elf(bad).error().message().find("STRTAB"), std::string::npos);
}

TEST(ElfReader, SectionDataPastTheEndIsReportedAsTruncation) {
  Bytes elf = small_elf();
  const uint32_t shoff = esptool::read_le32(elf.data() + 32);
  // Section 1's sh_size (offset 20 in its 40-byte header) made huge.
  esptool::write_le32(elf.data() + shoff + 40 + 20, 0x7FFFFFFF);
  auto r = parse_elf(elf);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("Truncated"), std::string::npos);
}

TEST(ElfReader, WrongSectionHeaderEntrySizeIsRejected) {
  ElfBuilder b(esptool::testing::kEmRiscv);
  b.add_progbits(".text", 0x42000020, esptool::testing::kShfAlloc, Bytes(4, 1));
  b.add_load_segments_for_sections();
  b.section_header_entry_size(0x20);
  auto r = parse_elf(b.build());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("section header entry size 0x20"), std::string::npos);
}

}  // namespace
