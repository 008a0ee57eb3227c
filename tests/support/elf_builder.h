// A small ELF32 little-endian writer for test fixtures: sections, PT_LOAD program headers, entry,
// machine and a .shstrtab. It writes what elf2image reads (System V gABI, "ELF header", "Section
// header", "Program header"); no symbols, no relocations. Knobs for broken files live here too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/bytes.h"

namespace esptool::testing {

// gABI constants (ELF32). Section types:
inline constexpr uint32_t kShtNull = 0;
inline constexpr uint32_t kShtProgbits = 1;
inline constexpr uint32_t kShtStrtab = 3;
inline constexpr uint32_t kShtNote = 7;
inline constexpr uint32_t kShtNobits = 8;
inline constexpr uint32_t kShtInitArray = 14;
inline constexpr uint32_t kShtFiniArray = 15;
inline constexpr uint32_t kShtPreinitArray = 16;
// Section flags:
inline constexpr uint32_t kShfWrite = 0x1;
inline constexpr uint32_t kShfAlloc = 0x2;
inline constexpr uint32_t kShfExecInstr = 0x4;
// Program header types and flags:
inline constexpr uint32_t kPtNull = 0;
inline constexpr uint32_t kPtLoad = 1;
inline constexpr uint32_t kPtNote = 4;
inline constexpr uint32_t kPfX = 0x1;
inline constexpr uint32_t kPfW = 0x2;
inline constexpr uint32_t kPfR = 0x4;
// e_machine values esptool accepts (bin_image.py ELFFile): Xtensa and RISC-V.
inline constexpr uint16_t kEmXtensa = 0x5E;
inline constexpr uint16_t kEmRiscv = 0xF3;

struct ElfSectionSpec {
  std::string name;
  uint32_t type = kShtProgbits;
  uint32_t flags = kShfAlloc;
  uint32_t addr = 0;
  Bytes data;                // file contents (ignored for NOBITS)
  uint32_t nobits_size = 0;  // sh_size of a NOBITS section
  uint32_t align = 4;        // sh_addralign; also the file alignment of the data
};

// One program header. Its file bytes come either from a section already added (offset = that
// section's file offset, filesz defaults to the section size) or from `data` written after all
// sections (a segment that no section covers, as linkers emit for some LMA tricks).
struct ElfSegmentSpec {
  uint32_t type = kPtLoad;
  uint32_t vaddr = 0;
  uint32_t paddr = 0;
  std::optional<uint32_t> filesz;  // default: section size / data size
  std::optional<uint32_t> memsz;   // default: filesz
  uint32_t flags = kPfR;
  uint32_t align = 4;
  std::optional<size_t> section;  // index returned by add_section
  Bytes data;                     // used when `section` is empty
};

class ElfBuilder {
 public:
  explicit ElfBuilder(uint16_t machine) : machine_(machine) {}

  ElfBuilder& entry(uint32_t e) {
    entry_ = e;
    return *this;
  }
  // Adds a section; returns its index in the section table (0 is the null section).
  size_t add_section(ElfSectionSpec s);
  size_t add_progbits(std::string name, uint32_t addr, uint32_t flags, Bytes data);
  size_t add_nobits(std::string name, uint32_t addr, uint32_t size, uint32_t flags);
  void add_segment(ElfSegmentSpec p);
  // One PT_LOAD per allocated section, vaddr = paddr = sh_addr (NOBITS: filesz 0), flags from
  // the section flags. Mirrors what a linker emits for sections in distinct regions.
  void add_load_segments_for_sections();

  // Knobs for malformed files (defaults give a well-formed file).
  ElfBuilder& section_header_entry_size(uint16_t n) {
    shentsize_ = n;
    return *this;
  }
  ElfBuilder& shstrndx_override(uint16_t n) {
    shstrndx_override_ = n;
    return *this;
  }

  // The ELF file: header, program headers, section data, segment-only data, .shstrtab, section
  // header table. Deterministic for the same calls.
  Bytes build() const;

  const std::vector<ElfSectionSpec>& sections() const { return sections_; }

 private:
  uint16_t machine_;
  uint32_t entry_ = 0;
  uint16_t shentsize_ = 0x28;
  std::optional<uint16_t> shstrndx_override_;
  std::vector<ElfSectionSpec> sections_;  // without the null section and .shstrtab
  std::vector<ElfSegmentSpec> segments_;
};

// Deterministic filler: xorshift32 seeded from `seed`; never all zero.
Bytes pseudo_random_bytes(size_t n, uint32_t seed);
// Seed derived from a string (FNV-1a), so each section's contents depend on its name.
uint32_t seed_of(const std::string& s);

}  // namespace esptool::testing
