// The large ESP32 app used by `npm run bench` (tests/bench/): the shape of an IDF app, sized by
// its flash-mapped part. Kept out of all_fixtures() so ordinary test runs do not write 4 MB.
#include "tests/support/elf_builder.h"
#include "tests/support/elf_scenarios.h"
#include "tests/support/firmware_fill.h"

namespace esptool::testing {
namespace {

constexpr uint32_t kRX = kShfAlloc | kShfExecInstr;
constexpr uint32_t kRW = kShfAlloc | kShfWrite;
constexpr uint32_t kRO = kShfAlloc;

// esp32 memory map (chips.md §6) as the IDF linker script uses it; flash sections at page
// offset 0x20, as in idf_app_elf.
constexpr uint32_t kIram = 0x40080000;
constexpr uint32_t kDram = 0x3FFB0000;
constexpr uint32_t kDrom = 0x3F400020;
constexpr uint32_t kIrom = 0x400D0020;

}  // namespace

Bytes esp32_large_app_elf(size_t flash_bytes) {
  if (flash_bytes < 0x1000) flash_bytes = 0x1000;  // room for the app descriptor and some code
  const uint32_t rodata_size = uint32_t(flash_bytes / 5 * 2) & ~3u;
  const uint32_t text_size = uint32_t(flash_bytes) - 0x100 - rodata_size;
  ElfBuilder b(kEmXtensa);
  b.add_progbits(".iram0.vectors", kIram, kRX, firmware_code_bytes(0x403, kIram, seed_of("vec")));
  b.add_progbits(".iram0.text", kIram + 0x404, kRX,
                 firmware_code_bytes(0x13A5C, kIram, seed_of("iram0.text")));
  b.add_progbits(".dram0.data", kDram, kRW,
                 firmware_rodata_bytes(0x3E28, kDram, seed_of("dram0.data")));
  b.add_nobits(".dram0.bss", kDram + 0x3E28, 0x9A18, kRW);
  b.add_progbits(".flash.appdesc", kDrom, kRO,
                 app_desc("v1.0-bench", "large_app", "12:34:56", "Mar  1 2024", "v5.2.1"));
  b.add_progbits(".flash.rodata", kDrom + 0x100, kRO,
                 firmware_rodata_bytes(rodata_size, kDrom, seed_of("flash.rodata")));
  b.add_progbits(".flash.text", kIrom, kRX,
                 firmware_code_bytes(text_size, kIrom, seed_of("flash.text")));
  b.add_load_segments_for_sections();
  b.entry(kIram + 0x404 + 0x1C4);
  return b.build();
}

}  // namespace esptool::testing
