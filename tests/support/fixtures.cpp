// Fixture list: scenario ELFs (elf_scenarios.h) and the binary inputs for image_info, merge_bin
// and make_image (RAM-only bootloader images, a partition table, raw blobs, Intel HEX).
#include "tests/support/fixtures.h"

#include <filesystem>
#include <fstream>

#include "tests/support/elf_builder.h"
#include "tests/support/elf_scenarios.h"
#include "tests/support/image_writer.h"

namespace esptool::testing {
namespace {

Bytes blob(const std::string& name, size_t n) { return pseudo_random_bytes(n, seed_of(name)); }

// A RAM-only bootloader image like elf2image makes from idf_bootloader_elf: bootdesc first.
Bytes bootloader_image(const std::string& chip, uint16_t chip_id, uint32_t dram, uint32_t iram,
                       bool digest) {
  RamImageSpec spec;
  spec.chip_id = chip_id;
  spec.entry = iram + 0x4C8;
  spec.append_digest = digest;
  Bytes d = bootloader_desc(1, "v5.2.1", "Mar  1 2024 12:34:56");
  append(d, blob(chip + "/boot.dram", 0x2F0));
  spec.segments.push_back({dram, d});
  spec.segments.push_back({iram - 0x8000, blob(chip + "/boot.loader", 0xB64)});
  spec.segments.push_back({iram, blob(chip + "/boot.iram", 0x17E9)});
  return ram_image(spec);
}

// Partition table (ESP-IDF format: 32-byte entries, magic 0x50AA), the rest 0xFF.
Bytes partition_table() {
  struct Entry {
    uint8_t type, subtype;
    uint32_t offset, size;
    const char* label;
  };
  const Entry entries[] = {{1, 2, 0x9000, 0x6000, "nvs"},
                           {1, 1, 0xF000, 0x1000, "phy_init"},
                           {0, 0, 0x10000, 0x100000, "factory"}};
  Bytes out;
  for (const Entry& e : entries) {
    out.insert(out.end(), {0xAA, 0x50, e.type, e.subtype});
    append_le32(out, e.offset);
    append_le32(out, e.size);
    Bytes label(16, 0);
    for (size_t i = 0; e.label[i] && i < 16; ++i) label[i] = uint8_t(e.label[i]);
    append(out, label);
    append_le32(out, 0);
  }
  out.resize(0xC00, 0xFF);
  return out;
}

Bytes text_bytes(const std::string& s) { return Bytes(s.begin(), s.end()); }

}  // namespace

std::vector<FixtureFile> all_fixtures() {
  std::vector<FixtureFile> f;
  for (const char* chip :
       {"esp32", "esp32s2", "esp32s3", "esp32c2", "esp32c3", "esp32c6", "esp32h2", "esp32p4"}) {
    f.push_back({std::string(chip) + "_app.elf", idf_app_elf(chip)});
  }
  f.push_back({"esp32_bootloader.elf", idf_bootloader_elf("esp32")});
  f.push_back({"esp32c3_bootloader.elf", idf_bootloader_elf("esp32c3")});
  f.push_back({"esp32_page_edge.elf", esp32_page_edge_elf()});
  f.push_back({"esp8266_app.elf", esp8266_nonos_elf(0x40210000)});
  f.push_back({"esp8266_v2_app.elf", esp8266_nonos_elf(0x40201010)});
  f.push_back({"esp32_merge.elf", esp32_merge_elf()});
  f.push_back({"esp32_too_many_sections.elf", esp32_too_many_sections_elf()});
  f.push_back({"esp32_segments.elf", esp32_segments_elf()});
  f.push_back({"esp32_truncated.elf", esp32_truncated_elf()});
  f.push_back({"esp32_bad_machine.elf", esp32_bad_machine_elf()});

  // Binary inputs. Bootloader offsets: esp32/esp32s2 0x1000, esp32p4 0x2000, others 0.
  f.push_back({"boot_esp32.bin", bootloader_image("esp32", 0, 0x3FFF0000, 0x40080400, true)});
  f.push_back({"boot_esp32c3.bin", bootloader_image("esp32c3", 5, 0x3FCD5800, 0x403D0000, true)});
  f.push_back(
      {"boot_esp32s2_nodigest.bin", bootloader_image("esp32s2", 2, 0x3FFE6000, 0x4002C400, false)});
  f.push_back({"boot_esp32p4.bin", bootloader_image("esp32p4", 18, 0x4FF2CB00, 0x4FF40000, true)});
  Bytes corrupt = bootloader_image("esp32", 0, 0x3FFF0000, 0x40080400, true);
  corrupt[0x80] ^= 0x5A;  // inside the first segment: checksum and hash both go invalid
  f.push_back({"boot_esp32_corrupt.bin", corrupt});
  Bytes not_image = blob("not_an_image", 0x200);
  not_image[0] = 0x12;
  f.push_back({"not_an_image.bin", not_image});
  f.push_back({"empty.bin", {}});
  f.push_back({"partitions.bin", partition_table()});
  f.push_back({"app_blob.bin", blob("app_blob", 0x1234)});
  f.push_back({"data_blob.hex", text_bytes(intel_hex(0x20000, blob("data_blob", 0x2F3)))});
  // esptool @file arguments: shell-like words, one or more lines, quotes group.
  f.push_back({"flash_opts.args",
               text_bytes("--flash_mode dio --flash_size 4MB\n'--flash_freq' \"80m\"\n")});
  f.push_back({"chip_esp32c3.args", text_bytes("--chip esp32c3\n")});
  f.push_back({"seg_iram.bin", blob("seg_iram", 0x321)});
  f.push_back({"seg_dram.bin", blob("seg_dram", 0x100)});
  f.push_back({"seg_irom.bin", blob("seg_irom", 0x200)});
  return f;
}

bool write_fixtures(const std::string& dir, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    *error = "cannot create " + dir + ": " + ec.message();
    return false;
  }
  for (const FixtureFile& f : all_fixtures()) {
    const std::string path = dir + "/" + f.name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(f.bytes.data()), std::streamsize(f.bytes.size()));
    if (!out) {
      *error = "cannot write " + path;
      return false;
    }
  }
  return true;
}

}  // namespace esptool::testing
