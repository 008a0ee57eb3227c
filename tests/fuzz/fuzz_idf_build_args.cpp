// libFuzzer target: any text as ESP-IDF flash_args / flasher_args.json, and as address/file words.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/image/address_pairs.h"
#include "core/image/idf_build_args.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)esptool::image::parse_flash_args(text);
  (void)esptool::image::parse_flasher_args_json(text);
  (void)esptool::image::parse_address(text);
  return 0;
}
