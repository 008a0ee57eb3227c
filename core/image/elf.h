// ELF32 little-endian reader for elf2image: sections and PT_LOAD program headers. Robust to any
// bytes: every offset and count is checked against the buffer; bad input is an Error, never UB.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/result.h"

namespace esptool::image {

struct ElfChunk {
  std::string name;   // section name, or "PHDR" for program headers
  uint32_t address;   // sh_addr, or p_paddr (LMA) for program headers
  // The file bytes (not yet padded): a view into the buffer given to parse_elf, which must
  // outlive it. Not a copy: elf2image of a 4 MB app copied every section and segment here.
  std::span<const uint8_t> data;
  uint32_t flags;     // sh_flags or p_flags
};

struct ElfFile {
  uint16_t machine = 0;          // 0x5E Xtensa, 0xF3 RISC-V
  uint32_t entry = 0;
  std::vector<ElfChunk> sections;   // PROGBITS / INIT_ARRAY / FINI_ARRAY, addr != 0, size > 0
  std::vector<ElfChunk> segments;   // PT_LOAD, paddr != 0, filesz > 0
  std::vector<std::string> warnings;
};

// Parses `bytes` as a 32-bit little-endian Xtensa or RISC-V ELF; the chunks view `bytes`. Errors
// (Errc::kInvalidElf) name the broken field, e.g. "ELF section header table at 0x... runs past the
// end of the file".
Result<ElfFile> parse_elf(std::span<const uint8_t> bytes);

}  // namespace esptool::image
