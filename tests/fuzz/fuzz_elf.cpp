// libFuzzer target: any bytes through the ELF reader and elf2image for a few image classes.
// Must never crash, hang or read out of bounds (ASan/UBSan build).
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/image/elf2image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  static const char* kChips[] = {"esp32", "esp32c6", "esp8266"};
  for (const char* chip : kChips) {
    esptool::image::Elf2ImageOptions opts;
    opts.chip = chip;
    opts.elf_sha256_offset = 0xb0;
    auto out = esptool::image::elf2image(bytes, opts);
    (void)out;
  }
  esptool::image::Elf2ImageOptions v2;
  v2.version = 2;
  (void)esptool::image::elf2image(bytes, v2);
  return 0;
}
