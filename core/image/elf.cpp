// ELF32 reading per the System V gABI; the accepted subset and the error wording follow
// esptool/bin_image.py ELFFile@v4.8.1 (image-format.md §4.2), with truncation reported instead
// of silently reading short.
#include "core/image/elf.h"

#include <cstring>

namespace esptool::image {
namespace {

constexpr size_t kFileHeaderLen = 0x34;
constexpr uint32_t kSectionHeaderLen = 0x28;
constexpr uint32_t kProgramHeaderLen = 0x20;
constexpr uint32_t kShtProgbits = 1, kShtStrtab = 3, kShtInitArray = 14, kShtFiniArray = 15;
constexpr uint32_t kPtLoad = 1;

struct Reader {
  std::span<const uint8_t> bytes;
  bool has(uint64_t offset, uint64_t len) const {
    return offset <= bytes.size() && len <= bytes.size() - offset;
  }
  uint32_t u32(uint64_t off) const { return read_le32(bytes.data() + off); }
  uint16_t u16(uint64_t off) const { return read_le16(bytes.data() + off); }
};

Error elf_error(std::string what) { return make_error(Errc::kInvalidElf, std::move(what)); }

Result<std::string> lookup_name(const Reader& r, uint32_t table_off, uint32_t table_size,
                                uint32_t name_off) {
  if (name_off >= table_size) {
    return elf_error(strprintf("ELF section name offset 0x%x is outside the string table", name_off));
  }
  const uint8_t* start = r.bytes.data() + table_off + name_off;
  const void* nul = std::memchr(start, 0, table_size - name_off);
  if (nul == nullptr) return elf_error("ELF section name is not NUL-terminated");
  return std::string(reinterpret_cast<const char*>(start),
                     static_cast<const uint8_t*>(nul) - start);
}

Result<std::span<const uint8_t>> read_data(const Reader& r, uint32_t offset, uint32_t size,
                                           const std::string& what) {
  if (!r.has(offset, size)) {
    return elf_error(strprintf("ELF %s data (0x%x bytes at 0x%x) runs past the end of the file "
                               "(0x%zx bytes). Truncated ELF file?",
                               what.c_str(), size, offset, r.bytes.size()));
  }
  return r.bytes.subspan(offset, size);
}

Status read_sections(const Reader& r, uint32_t shoff, uint16_t shnum, uint16_t shstrndx,
                     ElfFile& elf) {
  const uint64_t table_len = uint64_t(shnum) * kSectionHeaderLen;
  if (!r.has(shoff, table_len)) {
    return elf_error(strprintf("ELF section header table (%u entries at 0x%x) runs past the end "
                               "of the file. Truncated ELF file?",
                               shnum, shoff));
  }
  if (shstrndx >= shnum) {
    return elf_error(strprintf("ELF file has no STRTAB section at shstrndx %u", shstrndx));
  }
  const uint64_t str_hdr = shoff + uint64_t(shstrndx) * kSectionHeaderLen;
  const uint32_t str_type = r.u32(str_hdr + 4);
  const uint32_t str_off = r.u32(str_hdr + 16);
  const uint32_t str_size = r.u32(str_hdr + 20);
  if (str_type != kShtStrtab) {
    elf.warnings.push_back(
        strprintf("WARNING: ELF file has incorrect STRTAB section type 0x%02x", str_type));
  }
  if (!r.has(str_off, str_size)) {
    return elf_error("ELF section name table runs past the end of the file. Truncated ELF file?");
  }
  for (uint16_t i = 0; i < shnum; ++i) {
    const uint64_t h = shoff + uint64_t(i) * kSectionHeaderLen;
    const uint32_t type = r.u32(h + 4);
    if (type != kShtProgbits && type != kShtInitArray && type != kShtFiniArray) continue;
    const uint32_t addr = r.u32(h + 12), offset = r.u32(h + 16), size = r.u32(h + 20);
    if (addr == 0 || size == 0) continue;
    ESPT_ASSIGN(name, lookup_name(r, str_off, str_size, r.u32(h)));
    ESPT_ASSIGN(data, read_data(r, offset, size, "section " + name));
    elf.sections.push_back(ElfChunk{name, addr, data, r.u32(h + 8)});
  }
  return Status::Ok();
}

Status read_segments(const Reader& r, uint32_t phoff, uint16_t phnum, ElfFile& elf) {
  // esptool refuses an ELF without program headers ("No segment header found").
  if (phnum == 0 || !r.has(phoff, 1)) {
    return elf_error(strprintf("No segment header found at offset %04x in ELF file.", phoff));
  }
  const uint64_t table_len = uint64_t(phnum) * kProgramHeaderLen;
  if (!r.has(phoff, table_len)) {
    return elf_error(strprintf("ELF program header table (%u entries at 0x%x) runs past the end "
                               "of the file. Truncated ELF file?",
                               phnum, phoff));
  }
  for (uint16_t i = 0; i < phnum; ++i) {
    const uint64_t h = phoff + uint64_t(i) * kProgramHeaderLen;
    if (r.u32(h) != kPtLoad) continue;
    const uint32_t offset = r.u32(h + 4), paddr = r.u32(h + 12), filesz = r.u32(h + 16);
    if (paddr == 0 || filesz == 0) continue;
    ESPT_ASSIGN(data, read_data(r, offset, filesz, "program segment"));
    elf.segments.push_back(ElfChunk{"PHDR", paddr, data, r.u32(h + 24)});
  }
  return Status::Ok();
}

}  // namespace

Result<ElfFile> parse_elf(std::span<const uint8_t> bytes) {
  Reader r{bytes};
  if (!r.has(0, kFileHeaderLen)) {
    return elf_error(strprintf("Failed to read a valid ELF header: the file is %zu bytes, an ELF "
                               "header needs 52",
                               bytes.size()));
  }
  if (bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
    return elf_error("The file has an invalid ELF magic header");
  }
  if (bytes[4] != 1) return elf_error("The ELF file is not 32-bit (EI_CLASS is not ELFCLASS32)");
  if (bytes[5] != 1) return elf_error("The ELF file is not little-endian (EI_DATA is not ELFDATA2LSB)");
  ElfFile elf;
  elf.machine = r.u16(18);
  if (elf.machine != 0x5E && elf.machine != 0xF3) {
    return elf_error(strprintf(
        "The file does not appear to be an Xtensa or an RISCV ELF file. e_machine=%04x",
        elf.machine));
  }
  elf.entry = r.u32(24);
  const uint32_t phoff = r.u32(28), shoff = r.u32(32);
  const uint16_t phnum = r.u16(44), shentsize = r.u16(46), shnum = r.u16(48),
                 shstrndx = r.u16(50);
  if (shentsize != kSectionHeaderLen) {
    return elf_error(strprintf("The ELF file has unexpected section header entry size 0x%x (not 0x%x)",
                               shentsize, kSectionHeaderLen));
  }
  if (shnum == 0) return elf_error("The ELF file has 0 section headers");
  ESPT_TRY(read_sections(r, shoff, shnum, shstrndx, elf));
  ESPT_TRY(read_segments(r, phoff, phnum, elf));
  return elf;
}

}  // namespace esptool::image
