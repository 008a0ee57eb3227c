// ESP8266 SDK-shaped ELFs and the elf2image edge cases: merging rules, segment count limit,
// --use_segments (program headers that differ from sections) and unreadable files.
#include "tests/support/elf_builder.h"
#include "tests/support/elf_scenarios.h"

namespace esptool::testing {
namespace {

constexpr uint32_t kRX = kShfAlloc | kShfExecInstr;
constexpr uint32_t kRW = kShfAlloc | kShfWrite;
constexpr uint32_t kRO = kShfAlloc;

Bytes fill(const std::string& tag, const std::string& section, size_t n) {
  return pseudo_random_bytes(n, seed_of(tag + "/" + section));
}

// Offset of the section header table, read back from a built file (e_shoff, ELF header +32).
uint32_t shoff_of(const Bytes& elf) { return read_le32(elf.data() + 32); }

}  // namespace

Bytes esp8266_nonos_elf(uint32_t irom_addr) {
  const std::string tag = irom_addr == 0x40210000 ? "esp8266" : "esp8266v2";
  ElfBuilder b(kEmXtensa);
  // NONOS SDK eagle.app.v6.ld: iram1_0_seg 0x40100000, dram0_0_seg 0x3FFE8000, irom0_0_seg.
  b.add_progbits(".text", 0x40100000, kRX, fill(tag, "text", 0x1A2D));
  b.add_progbits(".data", 0x3FFE8000, kRW, fill(tag, "data", 0x3A0));
  b.add_progbits(".rodata", 0x3FFE83A0, kRO, fill(tag, "rodata", 0x6C4));
  b.add_nobits(".bss", 0x3FFE8A68, 0x5A0, kRW);
  b.add_progbits(".irom0.text", irom_addr, kRX, fill(tag, "irom0.text", 0x2F14));
  b.add_load_segments_for_sections();
  b.entry(0x40100004);  // call_user_start
  return b.build();
}

Bytes esp32_merge_elf() {
  const std::string t = "merge";
  ElfBuilder b(kEmXtensa);
  // Merge: vectors (0x403 bytes, padded to 0x404) + text at the padded end, both executable.
  b.add_progbits(".iram0.vectors", 0x40080000, kRX, fill(t, "vectors", 0x403));
  b.add_progbits(".iram0.text", 0x40080404, kRX, fill(t, "iram0.text", 0x800));
  // No merge: adjacent but not executable.
  b.add_progbits(".iram0.data", 0x40080C04, kRW, fill(t, "iram0.data", 0x100));
  // No merge: ends at 0x3FFE0000 where DIRAM_DRAM begins, so the region name lists differ.
  b.add_progbits(".dram0.data", 0x3FFDFF00, kRW, fill(t, "dram0.data", 0x100));
  b.add_progbits(".dram0.rodata", 0x3FFE0000, kRO, fill(t, "dram0.rodata", 0x80));
  // Merge: FINI_ARRAY adjacent to .dram0.rodata in the same regions.
  ElfSectionSpec fini;
  fini.name = ".fini_array";
  fini.type = kShtFiniArray;
  fini.flags = kRW;
  fini.addr = 0x3FFE0080;
  fini.data = fill(t, "fini", 0x40);
  b.add_section(fini);
  // No merge: a gap.
  b.add_progbits(".dram0.late", 0x3FFE0200, kRW, fill(t, "late", 0x20));
  // No merge: adjacent by address to .dram0.data but later in the list (sorted only with
  // --ram-only-header).
  b.add_progbits(".dram0.before", 0x3FFDFE00, kRW, fill(t, "before", 0x100));
  b.add_progbits(".flash.rodata", 0x3F400020, kRO, fill(t, "flash.rodata", 0x600));
  ElfSectionSpec init;
  init.name = ".init_array";
  init.type = kShtInitArray;
  init.flags = kRW;
  init.addr = 0x3F400620;
  init.data = fill(t, "init", 0x8);
  b.add_section(init);
  b.add_progbits(".flash.text", 0x400D0020, kRX, fill(t, "flash.text", 0x700));
  b.add_load_segments_for_sections();
  b.entry(0x40080404);
  return b.build();
}

Bytes esp32_too_many_sections_elf() {
  ElfBuilder b(kEmXtensa);
  for (int i = 0; i < 18; ++i) {
    const std::string name = ".dram0.part" + std::to_string(i);
    b.add_progbits(name, 0x3FFB0000 + 0x100 * uint32_t(i), kRW, fill("many", name, 0x40));
  }
  b.add_load_segments_for_sections();
  b.entry(0x40080000);
  return b.build();
}

Bytes esp32_segments_elf() {
  const std::string t = "segments";
  ElfBuilder b(kEmXtensa);
  const size_t vectors = b.add_progbits(".iram0.vectors", 0x40080000, kRX, fill(t, "v", 0x400));
  b.add_progbits(".iram0.text", 0x40080400, kRX, fill(t, "iram0.text", 0xC30));
  const size_t data = b.add_progbits(".dram0.data", 0x3FFB0000, kRW, fill(t, "data", 0x2A8));
  b.add_nobits(".dram0.bss", 0x3FFB02A8, 0x300, kRW);
  const size_t rodata = b.add_progbits(".flash.rodata", 0x3F400020, kRO, fill(t, "ro", 0x520));
  const size_t text = b.add_progbits(".flash.text", 0x400D0020, kRX, fill(t, "text", 0x6A4));

  // One PT_LOAD for both IRAM sections (contiguous in the file: both 4-aligned).
  ElfSegmentSpec iram{.vaddr = 0x40080000,
                      .paddr = 0x40080000,
                      .filesz = 0x400 + 0xC30,
                      .memsz = {},
                      .flags = kPfR | kPfX,
                      .align = 4,
                      .section = vectors,
                      .data = {}};
  b.add_segment(iram);
  // DRAM data with .bss folded into memsz.
  ElfSegmentSpec dram{.vaddr = 0x3FFB0000,
                      .paddr = 0x3FFB0000,
                      .filesz = {},
                      .memsz = 0x5A8,
                      .flags = kPfR | kPfW,
                      .align = 4,
                      .section = data,
                      .data = {}};
  b.add_segment(dram);
  ElfSegmentSpec ro{.vaddr = 0x3F400020,
                    .paddr = 0x3F400020,
                    .filesz = {},
                    .memsz = {},
                    .flags = kPfR,
                    .align = 4,
                    .section = rodata,
                    .data = {}};
  b.add_segment(ro);
  ElfSegmentSpec tx{.vaddr = 0x400D0020,
                    .paddr = 0x400D0020,
                    .filesz = {},
                    .memsz = {},
                    .flags = kPfR | kPfX,
                    .align = 4,
                    .section = text,
                    .data = {}};
  b.add_segment(tx);
  // Data no section covers, loaded at its LMA (p_paddr) in DRAM, run at RTC slow memory.
  ElfSegmentSpec lma{.vaddr = 0x50000000,
                     .paddr = 0x3FFB2000,
                     .filesz = {},
                     .memsz = {},
                     .flags = kPfR | kPfW,
                     .align = 4,
                     .section = {},
                     .data = fill(t, "rtc", 0x64)};
  b.add_segment(lma);
  // Ignored by elf2image: p_paddr 0, filesz 0 (pure .bss), and a PT_NOTE.
  ElfSegmentSpec zero{.vaddr = 0,
                      .paddr = 0,
                      .filesz = {},
                      .memsz = {},
                      .flags = kPfR,
                      .align = 4,
                      .section = {},
                      .data = fill(t, "zero", 0x20)};
  b.add_segment(zero);
  ElfSegmentSpec bss{.vaddr = 0x3FFB3000,
                     .paddr = 0x3FFB3000,
                     .filesz = 0,
                     .memsz = 0x200,
                     .flags = kPfR | kPfW,
                     .align = 4,
                     .section = 0,
                     .data = {}};
  b.add_segment(bss);
  ElfSegmentSpec note{.type = kPtNote,
                      .vaddr = 0x3FFB4000,
                      .paddr = 0x3FFB4000,
                      .filesz = {},
                      .memsz = {},
                      .flags = kPfR,
                      .align = 4,
                      .section = {},
                      .data = fill(t, "note", 0x18)};
  b.add_segment(note);
  b.entry(0x40080400);
  return b.build();
}

Bytes esp32_truncated_elf() {
  Bytes elf = idf_app_elf("esp32");
  // Keep two and a half section headers: "Only read 0x64 bytes from section header".
  elf.resize(shoff_of(elf) + 0x28 * 2 + 0x14);
  return elf;
}

Bytes esp32_bad_machine_elf() {
  Bytes elf = idf_app_elf("esp32");
  write_le16(elf.data() + 18, 0x28);  // EM_ARM
  return elf;
}

}  // namespace esptool::testing
