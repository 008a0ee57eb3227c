// libFuzzer target: a user may supply any stub JSON (design.md principle 5): parse_stub_json on
// arbitrary text must fail cleanly (bad JSON, missing fields, bad base64, absurd addresses).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/stub/stub_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)esptool::stub::parse_stub_json(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
