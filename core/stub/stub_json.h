// Flasher-stub JSON (web-formats.md §3.1) -> StubImage. Stubs are inputs: taken at build time from
// the esptool-js npm package or supplied by the user, never vendored.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/base/bytes.h"
#include "core/base/result.h"

namespace esptool::stub {

struct StubImage {
  uint32_t entry = 0;
  uint32_t text_start = 0;
  Bytes text;
  std::optional<uint32_t> data_start;
  Bytes data;
  std::optional<uint32_t> bss_start;

  // The RAM the running stub occupies (loader.py: MEM_BEGIN into it is refused).
  bool overlaps(uint32_t address, uint32_t size) const;
};

Result<StubImage> parse_stub_json(std::string_view json_text);

// An esptool-js stub JSON file in the converted form the engine reads (stub_binary.h): what the
// build does to every stub it ships, and the JS API to a user's own.
Result<Bytes> convert_stub_json(std::string_view json_text);

}  // namespace esptool::stub
