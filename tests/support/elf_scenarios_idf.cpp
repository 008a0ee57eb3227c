// ESP-IDF-shaped ELFs: apps for each chip and two bootloaders. Addresses follow each chip's
// memory map (chips.md §6) the way IDF linker scripts use them; sizes are small but odd enough
// to exercise 4-byte padding.
#include <cstring>

#include "tests/support/elf_builder.h"
#include "tests/support/elf_scenarios.h"

namespace esptool::testing {
namespace {

constexpr uint32_t kRX = kShfAlloc | kShfExecInstr;
constexpr uint32_t kRW = kShfAlloc | kShfWrite;
constexpr uint32_t kRO = kShfAlloc;

void put_str(Bytes& b, size_t off, const std::string& s, size_t max) {
  std::memcpy(b.data() + off, s.data(), s.size() < max ? s.size() : max);
}

Bytes fill(const std::string& chip, const std::string& section, size_t n) {
  return pseudo_random_bytes(n, seed_of(chip + "/" + section));
}

struct AppLayout {
  const char* chip;
  uint16_t machine;
  uint32_t drom;  // .flash.appdesc (then .flash.rodata)
  uint32_t irom;  // .flash.text
  uint32_t iram;  // .iram0.vectors (Xtensa) or .iram0.text (RISC-V)
  uint32_t dram;  // .dram0.data (then .dram0.bss)
  uint32_t rtc;   // .rtc.text, 0 if none
};

// IDF places flash sections at page offset 0x20 so that header + segment header lead to them.
constexpr AppLayout kApps[] = {
    {"esp32", kEmXtensa, 0x3F400020, 0x400D0020, 0x40080000, 0x3FFB0000, 0x400C0000},
    {"esp32s2", kEmXtensa, 0x3F000020, 0x40080020, 0x40024000, 0x3FFB6000, 0x40070000},
    {"esp32s3", kEmXtensa, 0x3C020020, 0x42000020, 0x40374000, 0x3FC92000, 0x600FE000},
    {"esp32c2", kEmRiscv, 0x3C000020, 0x42000020, 0x40380000, 0x3FCA4000, 0},
    {"esp32c3", kEmRiscv, 0x3C000020, 0x42000020, 0x40380000, 0x3FC8A400, 0x50000000},
    {"esp32c6", kEmRiscv, 0x42800020, 0x42000020, 0x40800000, 0x40808000, 0x50000000},
    {"esp32h2", kEmRiscv, 0x42800020, 0x42000020, 0x40800000, 0x40806000, 0x50000000},
    // P4 maps code and data in one range; rodata sits above text as in IDF's P4 sections.ld.
    {"esp32p4", kEmRiscv, 0x40020020, 0x40000020, 0x4FF00000, 0x4FF08000, 0x50108000},
};

}  // namespace

Bytes app_desc(const std::string& version, const std::string& project, const std::string& time,
               const std::string& date, const std::string& idf_ver) {
  Bytes d(256, 0);
  write_le32(d.data(), 0xABCD5432);  // ESP_APP_DESC_MAGIC_WORD
  write_le32(d.data() + 4, 0);       // secure_version
  put_str(d, 16, version, 31);
  put_str(d, 48, project, 31);
  put_str(d, 80, time, 15);
  put_str(d, 96, date, 15);
  put_str(d, 112, idf_ver, 31);
  return d;  // 144..175 app_elf_sha256 stays zero for --elf-sha256-offset 0xb0
}

Bytes bootloader_desc(uint32_t version, const std::string& idf_ver, const std::string& date_time) {
  Bytes d(80, 0);
  d[0] = 0x50;  // ESP_BOOTLOADER_DESC_MAGIC_BYTE
  write_le32(d.data() + 4, version);
  put_str(d, 8, idf_ver, 31);
  put_str(d, 40, date_time, 23);
  return d;
}

Bytes idf_app_elf(const std::string& chip) {
  const AppLayout* l = nullptr;
  for (const AppLayout& a : kApps) {
    if (chip == a.chip) l = &a;
  }
  if (!l) return {};
  const bool xtensa = l->machine == kEmXtensa;
  ElfBuilder b(l->machine);

  uint32_t iram_text = l->iram;
  if (xtensa) {
    // Vector table is 0x403 bytes in IDF; the next section follows at the padded address, so
    // the two merge into one IRAM segment ("Merged 2 ELF sections").
    b.add_progbits(".iram0.vectors", l->iram, kRX, fill(chip, "vectors", 0x403));
    iram_text = l->iram + 0x404;
  }
  b.add_progbits(".iram0.text", iram_text, kRX, fill(chip, "iram0.text", 0x1A3C));
  b.add_progbits(".dram0.data", l->dram, kRW, fill(chip, "dram0.data", 0x5E8));
  b.add_nobits(".dram0.bss", l->dram + 0x5E8, 0x418, kRW);
  if (l->rtc) b.add_progbits(".rtc.text", l->rtc, kRX, fill(chip, "rtc.text", 0x44));
  b.add_progbits(".flash.appdesc", l->drom, kRO,
                 app_desc("v1.0", "hello_world", "12:34:56", "Mar  1 2024", "v5.2.1"));
  Bytes rodata = fill(chip, "flash.rodata", 0x9A7);
  if (chip == "esp32s3") {
    // An INIT_ARRAY right after rodata (sections of type 14 are loaded like PROGBITS).
    b.add_progbits(".flash.rodata", l->drom + 0x100, kRO, Bytes(rodata.begin(), rodata.end() - 3));
    ElfSectionSpec init;
    init.name = ".init_array";
    init.type = kShtInitArray;
    init.flags = kRW;
    init.addr = l->drom + 0x100 + 0x9A4;
    init.data = fill(chip, "init_array", 0x10);
    b.add_section(init);
  } else {
    b.add_progbits(".flash.rodata", l->drom + 0x100, kRO, rodata);
  }
  b.add_progbits(".flash.text", l->irom, kRX, fill(chip, "flash.text", 0x1F32));
  ElfSectionSpec comment;
  comment.name = ".comment";
  comment.flags = 0x30;  // SHF_MERGE | SHF_STRINGS, not allocated, address 0
  comment.align = 1;
  const std::string gcc = "GCC: (crosstool-NG esp-13.2.0_20230928) 13.2.0";
  comment.data.assign(gcc.begin(), gcc.end());
  comment.data.push_back(0);
  b.add_section(comment);
  b.add_load_segments_for_sections();
  b.entry(iram_text + (xtensa ? 0x1C4 : 0x5C0));
  return b.build();
}

Bytes idf_bootloader_elf(const std::string& chip) {
  const bool esp32 = chip == "esp32";
  if (!esp32 && chip != "esp32c3") return {};
  // esp32: bootloader.ld dram_seg 0x3FFF0000, iram_loader_seg 0x40078000, iram_seg 0x40080400.
  // esp32c3: dram_seg 0x3FCD5800, iram_loader_seg 0x403CE000, iram_seg 0x403D0000 (rounded).
  const uint32_t dram = esp32 ? 0x3FFF0000 : 0x3FCD5800;
  const uint32_t loader = esp32 ? 0x40078000 : 0x403CE000;
  const uint32_t iram = esp32 ? 0x40080400 : 0x403D0000;
  ElfBuilder b(esp32 ? kEmXtensa : kEmRiscv);
  b.add_progbits(".iram_loader.text", loader, kRX, fill(chip, "iram_loader.text", 0xB64));
  b.add_progbits(".iram.text", iram, kRX, fill(chip, "iram.text", 0x17E8));
  b.add_progbits(".dram0.bootdesc", dram, kRW,
                 bootloader_desc(1, "v5.2.1", "Mar  1 2024 12:34:56"));
  b.add_progbits(".dram0.data", dram + 0x50, kRW, fill(chip, "dram0.data", 0x1F6));
  b.add_progbits(".dram0.rodata", dram + 0x248, kRW, fill(chip, "dram0.rodata", 0x7A0));
  b.add_nobits(".dram0.bss", dram + 0x9E8, 0x120, kRW);
  b.add_load_segments_for_sections();
  b.entry(iram + (esp32 ? 0x4C8 : 0x2E0));
  return b.build();
}

Bytes esp32_page_edge_elf() {
  ElfBuilder b(kEmXtensa);
  b.add_progbits(".iram0.text", 0x40080000, kRX, fill("edge", "iram0.text", 0x800));
  b.add_progbits(".dram0.data", 0x3FFB0000, kRW, fill("edge", "dram0.data", 0x300));
  b.add_progbits(".flash.appdesc", 0x3F400020, kRO,
                 app_desc("edge-1", "page_edge", "00:00:01", "Jan  2 2024", "v5.1"));
  // Data starts at file offset 0x20 and ends at 0x10000: the ESP32 rule appends 0x24 bytes.
  b.add_progbits(".flash.rodata", 0x3F400120, kRO, fill("edge", "flash.rodata", 0xFEE0));
  b.add_progbits(".flash.text", 0x400E0020, kRX, fill("edge", "flash.text", 0x400));
  b.add_load_segments_for_sections();
  b.entry(0x40080010);
  return b.build();
}

}  // namespace esptool::testing
