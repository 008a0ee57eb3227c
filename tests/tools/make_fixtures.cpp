// make_fixtures DIR: writes every generated fixture (tests/support/fixtures.h) into DIR.
// make_fixtures --large-app FILE [BYTES]: writes the benchmark app ELF (esp32_large_app_elf,
// BYTES of flash-mapped data, default 4000000) to FILE.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "tests/support/elf_scenarios.h"
#include "tests/support/fixtures.h"

namespace {

int usage() {
  std::fprintf(stderr, "usage: make_fixtures DIR\n       make_fixtures --large-app FILE [BYTES]\n");
  return 2;
}

int write_large_app(const char* path, const char* bytes_arg) {
  size_t bytes = 4000000;
  if (bytes_arg) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(bytes_arg, &end, 0);
    if (*end != '\0' || v < 0x1000 || v > 5000000) {  // 60% of it must fit the 3.2 MB IROM range
      std::fprintf(stderr, "make_fixtures: BYTES must be a number from 4096 to 5000000\n");
      return 2;
    }
    bytes = size_t(v);
  }
  const esptool::Bytes elf = esptool::testing::esp32_large_app_elf(bytes);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(elf.data()), std::streamsize(elf.size()));
  if (!out) {
    std::fprintf(stderr, "make_fixtures: cannot write %s\n", path);
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && argc <= 4 && std::strcmp(argv[1], "--large-app") == 0) {
    return write_large_app(argv[2], argc == 4 ? argv[3] : nullptr);
  }
  if (argc != 2 || argv[1][0] == '-') return usage();
  std::string error;
  if (!esptool::testing::write_fixtures(argv[1], &error)) {
    std::fprintf(stderr, "make_fixtures: %s\n", error.c_str());
    return 1;
  }
  return 0;
}
