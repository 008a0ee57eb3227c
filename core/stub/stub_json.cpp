#include "core/stub/stub_json.h"

#include <nlohmann/json.hpp>

#include "core/stub/stub_binary.h"
#include "core/util/base64.h"

namespace esptool::stub {
namespace {

using nlohmann::json;

Error stub_error(const std::string& what) {
  return make_error(Errc::kInvalidJson, "Invalid flasher stub JSON: " + what);
}

Result<uint32_t> get_u32(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return stub_error(std::string("missing \"") + key + "\"");
  if (!it->is_number_unsigned() || it->get<uint64_t>() > 0xFFFFFFFFu) {
    return stub_error(std::string("\"") + key + "\" is not a 32-bit address");
  }
  return uint32_t(it->get<uint64_t>());
}

Result<Bytes> get_blob(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return stub_error(std::string("missing \"") + key + "\"");
  if (!it->is_string()) return stub_error(std::string("\"") + key + "\" is not a base64 string");
  return util::base64_decode(it->get_ref<const std::string&>());
}

bool ranges_overlap(uint32_t a, uint64_t a_end, uint32_t b, uint64_t b_end) {
  return a < b_end && b < a_end;
}

}  // namespace

bool StubImage::overlaps(uint32_t address, uint32_t size) const {
  const uint64_t end = uint64_t(address) + size;
  if (ranges_overlap(address, end, text_start, uint64_t(text_start) + text.size())) return true;
  if (!data_start) return false;
  const uint32_t ram_start = bss_start.value_or(*data_start);
  return ranges_overlap(address, end, ram_start, uint64_t(*data_start) + data.size());
}

Result<StubImage> parse_stub_json(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return stub_error("not a JSON object");
  StubImage s;
  ESPT_ASSIGN(entry, get_u32(j, "entry"));
  ESPT_ASSIGN(text_start, get_u32(j, "text_start"));
  ESPT_ASSIGN(text_bytes, get_blob(j, "text"));
  s.entry = entry;
  s.text_start = text_start;
  s.text = std::move(text_bytes);
  if (j.contains("data")) {
    ESPT_ASSIGN(data_start, get_u32(j, "data_start"));
    ESPT_ASSIGN(data_bytes, get_blob(j, "data"));
    s.data_start = data_start;
    s.data = std::move(data_bytes);
  }
  if (j.contains("bss_start")) {
    ESPT_ASSIGN(bss, get_u32(j, "bss_start"));
    s.bss_start = bss;
  }
  if (s.text.empty()) return stub_error("\"text\" is empty");
  return s;
}

Result<Bytes> convert_stub_json(std::string_view json_text) {
  ESPT_ASSIGN(image, parse_stub_json(json_text));
  return encode_stub_binary(image);
}

}  // namespace esptool::stub
