// ElfBuilder: lays the file out as header, program headers, section data (each at its own
// alignment), data of segments that no section covers, .shstrtab, then the section headers.
#include "tests/support/elf_builder.h"

#include <utility>

namespace esptool::testing {
namespace {

constexpr uint32_t kEhdrSize = 0x34;
constexpr uint32_t kPhdrSize = 0x20;
constexpr uint32_t kShdrSize = 0x28;

void pad_to(Bytes& out, uint32_t align) {
  if (align < 2) return;
  while (out.size() % align != 0) out.push_back(0);
}

uint32_t section_size(const ElfSectionSpec& s) {
  return s.type == kShtNobits ? s.nobits_size : uint32_t(s.data.size());
}

// e_flags as GNU toolchains set them: Xtensa EF_XTENSA_XT_INSN | EF_XTENSA_XT_LIT; RISC-V
// EF_RISCV_RVC (IDF builds rv32imc, soft float).
uint32_t machine_flags(uint16_t machine) { return machine == kEmXtensa ? 0x300 : 0x1; }

}  // namespace

uint32_t seed_of(const std::string& s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

Bytes pseudo_random_bytes(size_t n, uint32_t seed) {
  uint32_t x = seed ? seed : 0x9E3779B9u;
  Bytes out(n);
  for (size_t i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    out[i] = uint8_t(x >> 24);
  }
  return out;
}

size_t ElfBuilder::add_section(ElfSectionSpec s) {
  sections_.push_back(std::move(s));
  return sections_.size();  // index 0 is the null section
}

size_t ElfBuilder::add_progbits(std::string name, uint32_t addr, uint32_t flags, Bytes data) {
  ElfSectionSpec s;
  s.name = std::move(name);
  s.addr = addr;
  s.flags = flags;
  s.data = std::move(data);
  return add_section(std::move(s));
}

size_t ElfBuilder::add_nobits(std::string name, uint32_t addr, uint32_t size, uint32_t flags) {
  ElfSectionSpec s;
  s.name = std::move(name);
  s.type = kShtNobits;
  s.addr = addr;
  s.flags = flags;
  s.nobits_size = size;
  return add_section(std::move(s));
}

void ElfBuilder::add_segment(ElfSegmentSpec p) { segments_.push_back(std::move(p)); }

void ElfBuilder::add_load_segments_for_sections() {
  for (size_t i = 0; i < sections_.size(); ++i) {
    const ElfSectionSpec& s = sections_[i];
    if (!(s.flags & kShfAlloc) || s.addr == 0) continue;
    ElfSegmentSpec p;
    p.vaddr = p.paddr = s.addr;
    p.flags = kPfR | ((s.flags & kShfWrite) ? kPfW : 0) | ((s.flags & kShfExecInstr) ? kPfX : 0);
    p.align = s.align;
    p.section = i + 1;
    segments_.push_back(std::move(p));
  }
}

Bytes ElfBuilder::build() const {
  const uint32_t phnum = uint32_t(segments_.size());
  Bytes out(kEhdrSize + phnum * kPhdrSize, 0);

  // Section data.
  std::vector<uint32_t> sec_offset(sections_.size());
  for (size_t i = 0; i < sections_.size(); ++i) {
    const ElfSectionSpec& s = sections_[i];
    if (s.type != kShtNobits) pad_to(out, s.align);
    sec_offset[i] = uint32_t(out.size());
    if (s.type != kShtNobits) append(out, s.data);
  }
  // Data of segments not backed by a section.
  std::vector<uint32_t> seg_offset(segments_.size());
  for (size_t i = 0; i < segments_.size(); ++i) {
    const ElfSegmentSpec& p = segments_[i];
    if (p.section) {
      seg_offset[i] = *p.section ? sec_offset[*p.section - 1] : 0;
    } else {
      pad_to(out, 4);
      seg_offset[i] = uint32_t(out.size());
      append(out, p.data);
    }
  }
  // .shstrtab: "\0" then each name, then its own name.
  Bytes strtab(1, 0);
  std::vector<uint32_t> name_offset(sections_.size());
  for (size_t i = 0; i < sections_.size(); ++i) {
    name_offset[i] = uint32_t(strtab.size());
    strtab.insert(strtab.end(), sections_[i].name.begin(), sections_[i].name.end());
    strtab.push_back(0);
  }
  const uint32_t shstrtab_name = uint32_t(strtab.size());
  const std::string self = ".shstrtab";
  strtab.insert(strtab.end(), self.begin(), self.end());
  strtab.push_back(0);
  const uint32_t strtab_offset = uint32_t(out.size());
  append(out, strtab);

  // Section headers: null, user sections, .shstrtab.
  pad_to(out, 4);
  const uint32_t shoff = uint32_t(out.size());
  const uint32_t shnum = uint32_t(sections_.size()) + 2;
  auto put_shdr = [&out](uint32_t name, uint32_t type, uint32_t flags, uint32_t addr,
                         uint32_t offset, uint32_t size, uint32_t align) {
    const uint32_t fields[10] = {name, type, flags, addr, offset, size, 0, 0, align, 0};
    for (uint32_t f : fields) append_le32(out, f);
  };
  put_shdr(0, kShtNull, 0, 0, 0, 0, 0);
  for (size_t i = 0; i < sections_.size(); ++i) {
    const ElfSectionSpec& s = sections_[i];
    put_shdr(name_offset[i], s.type, s.flags, s.addr, sec_offset[i], section_size(s), s.align);
  }
  put_shdr(shstrtab_name, kShtStrtab, 0, 0, strtab_offset, uint32_t(strtab.size()), 1);

  // ELF header (gABI "ELF Header"): ELFCLASS32, ELFDATA2LSB, EV_CURRENT, ET_EXEC.
  uint8_t* h = out.data();
  const uint8_t ident[16] = {0x7F, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 16; ++i) h[i] = ident[i];
  write_le16(h + 16, 2);
  write_le16(h + 18, machine_);
  write_le32(h + 20, 1);
  write_le32(h + 24, entry_);
  write_le32(h + 28, phnum ? kEhdrSize : 0);
  write_le32(h + 32, shoff);
  write_le32(h + 36, machine_flags(machine_));
  write_le16(h + 40, uint16_t(kEhdrSize));
  write_le16(h + 42, uint16_t(kPhdrSize));
  write_le16(h + 44, uint16_t(phnum));
  write_le16(h + 46, shentsize_);
  write_le16(h + 48, uint16_t(shnum));
  write_le16(h + 50, shstrndx_override_ ? *shstrndx_override_ : uint16_t(shnum - 1));

  // Program headers.
  for (size_t i = 0; i < segments_.size(); ++i) {
    const ElfSegmentSpec& p = segments_[i];
    uint32_t filesz = 0;
    uint32_t default_memsz = 0;
    if (p.section && *p.section) {
      const ElfSectionSpec& s = sections_[*p.section - 1];
      filesz = s.type == kShtNobits ? 0 : uint32_t(s.data.size());
      default_memsz = section_size(s);
    } else {
      filesz = uint32_t(p.data.size());
      default_memsz = filesz;
    }
    if (p.filesz) filesz = *p.filesz;
    const uint32_t memsz = p.memsz ? *p.memsz : (p.filesz ? filesz : default_memsz);
    uint8_t* ph = out.data() + kEhdrSize + i * kPhdrSize;
    const uint32_t fields[8] = {p.type, seg_offset[i], p.vaddr, p.paddr,
                                filesz, memsz,         p.flags, p.align};
    for (int k = 0; k < 8; ++k) write_le32(ph + 4 * k, fields[k]);
  }
  return out;
}

}  // namespace esptool::testing
