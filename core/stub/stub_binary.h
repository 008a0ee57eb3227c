// The flasher stub as the device engine reads it: a fixed little-endian header and the two
// sections, no JSON, no base64. The build converts esptool-js's stub JSON files into this form
// (web/tools/convert-stubs.mjs, through encode_stub_binary), so the device module needs no JSON
// parser (issue 10); a user's own stub JSON goes through the same conversion.
//
//   0  "ESTB"            magic
//   4  u8  version (1)   5  u8 flags (bit 0: data section, bit 1: bss_start)   6  u16 0
//   8  entry  12 text_start  16 text length  20 data_start  24 data length  28 bss_start
//   32 text, then data
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/result.h"
#include "core/stub/stub_json.h"

namespace esptool::stub {

// Converted stub files by name, as the CLI and the page hand them to the engine: a few, in the
// order given, searched by name (a std::map's tree code was a share of the page's wasm).
class StubFiles {
 public:
  using Entry = std::pair<std::string, Bytes>;
  // The file named `name`, added empty when there is none.
  Bytes& operator[](const std::string& name) {
    for (Entry& e : files_)
      if (e.first == name) return e.second;
    return files_.emplace_back(name, Bytes()).second;
  }
  // The file named `name`, or null.
  const Bytes* find(std::string_view name) const {
    for (const Entry& e : files_)
      if (e.first == name) return &e.second;
    return nullptr;
  }
  size_t size() const { return files_.size(); }
  bool empty() const { return files_.empty(); }
  std::vector<Entry>::iterator begin() { return files_.begin(); }
  std::vector<Entry>::iterator end() { return files_.end(); }
  std::vector<Entry>::const_iterator begin() const { return files_.begin(); }
  std::vector<Entry>::const_iterator end() const { return files_.end(); }

 private:
  std::vector<Entry> files_;
};

Bytes encode_stub_binary(const StubImage& stub);
Result<StubImage> decode_stub_binary(std::span<const uint8_t> bytes);

// The name the build gives the converted file: esptool-js's "stub_flasher_32c3.json" ->
// "stub_flasher_32c3.bin" (the name the chip table asks for).
std::string stub_binary_name(std::string_view json_name);

}  // namespace esptool::stub
