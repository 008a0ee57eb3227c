// ELF files shaped like real builds (ESP-IDF apps and bootloaders per chip, ESP8266 NONOS SDK),
// plus edge cases for elf2image (merging, too many sections, program headers != sections,
// broken files). Contents are deterministic pseudo-random bytes, a few KB per section.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/bytes.h"

namespace esptool::testing {

// 256-byte esp_app_desc_t (image-format.md §3.1) with zeroed app_elf_sha256.
Bytes app_desc(const std::string& version, const std::string& project, const std::string& time,
               const std::string& date, const std::string& idf_ver);
// 80-byte esp_bootloader_desc_t (magic 0x50).
Bytes bootloader_desc(uint32_t version, const std::string& idf_ver, const std::string& date_time);

// ESP-IDF application for `chip` (esp32, esp32s2, esp32s3, esp32c2, esp32c3, esp32c6, esp32h2,
// esp32p4): .flash.appdesc + .flash.rodata in DROM, .flash.text in IROM, IRAM and DRAM
// sections, .bss, and non-allocated .comment; entry in IRAM. Empty for an unknown chip.
Bytes idf_app_elf(const std::string& chip);
// ESP-IDF 2nd-stage bootloader (RAM only: .dram0.bootdesc, .dram0.data, .iram_loader.text,
// .iram.text) for esp32 or esp32c3.
Bytes idf_bootloader_elf(const std::string& chip);
// ESP32 app whose DROM segment ends exactly on a 64 KiB boundary (ESP32 0x24-byte tail rule).
Bytes esp32_page_edge_elf();

// ESP32 ESP-IDF-shaped app for benchmarks: the sections of idf_app_elf("esp32") with larger RAM
// parts, and .flash.rodata + .flash.text of firmware-like data (firmware_fill.h) totalling
// `flash_bytes` (2:3 split). Deterministic. 4000000 gives a ~3.8 MiB image that still fits a
// 4 MB flash at 0x10000.
Bytes esp32_large_app_elf(size_t flash_bytes);

// ESP8266 NONOS SDK: .text in IRAM, .data/.rodata in DRAM, .bss, .irom0.text at `irom_addr`
// (0x40210000 for v1 images, 0x40201010 for v2 / rboot at 0x1000).
Bytes esp8266_nonos_elf(uint32_t irom_addr);

// ESP32 ELF with list-adjacent mergeable sections and near-misses (flag, region, gap, order).
Bytes esp32_merge_elf();
// ESP32 ELF with 18 separate RAM sections (elf2image: "Invalid segment count 18").
Bytes esp32_too_many_sections_elf();
// ESP32 ELF whose program headers group, extend and relocate (p_paddr != p_vaddr) sections.
Bytes esp32_segments_elf();
// Broken files: the esp32 app cut inside its section header table; a non-Xtensa/RISC-V machine.
Bytes esp32_truncated_elf();
Bytes esp32_bad_machine_elf();

}  // namespace esptool::testing
