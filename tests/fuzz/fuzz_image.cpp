// libFuzzer target: any bytes through image_info (parse + both text renderings) for every chip.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/chips/chip.h"
#include "core/image/image_info.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  for (int version = 1; version <= 2; ++version) {
    esptool::image::ImageInfoOptions opts;
    opts.version = version;
    auto info = esptool::image::image_info(bytes, opts);
    if (info.ok()) (void)esptool::image::render_image_info(info.value(), opts);
  }
  for (const auto* chip : esptool::chips::all_chips()) {
    esptool::image::ImageInfoOptions opts;
    opts.chip = chip->key;
    opts.version = 2;
    auto info = esptool::image::image_info(bytes, opts);
    if (info.ok()) (void)esptool::image::render_image_info(info.value(), opts);
  }
  return 0;
}
