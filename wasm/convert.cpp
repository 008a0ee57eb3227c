#include "wasm/convert.h"

#include <emscripten/bind.h>

namespace esptool::wasm {

Bytes to_bytes(const val& u8) {
  if (u8.isUndefined() || u8.isNull()) return {};
  return emscripten::convertJSArrayToNumberVector<uint8_t>(u8);
}

val to_uint8array(const Bytes& bytes) {
  // slice() copies out of wasm memory, so the result survives memory growth.
  return val(emscripten::typed_memory_view(bytes.size(), bytes.data())).call<val>("slice");
}

std::vector<std::string> to_strings(const val& array) {
  std::vector<std::string> out;
  if (array.isUndefined() || array.isNull()) return out;
  const unsigned n = array["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) out.push_back(array[i].as<std::string>());
  return out;
}

val to_js_strings(const std::vector<std::string>& v) {
  val out = val::array();
  for (const auto& s : v) out.call<void>("push", s);
  return out;
}

std::map<std::string, std::string> to_string_map(const val& object) {
  std::map<std::string, std::string> out;
  if (object.isUndefined() || object.isNull()) return out;
  for (const auto& key : to_strings(val::global("Object").call<val>("keys", object))) {
    out[key] = object[key].as<std::string>();
  }
  return out;
}

std::map<std::string, Bytes> to_bytes_map(const val& object) {
  std::map<std::string, Bytes> out;
  if (object.isUndefined() || object.isNull()) return out;
  for (const auto& key : to_strings(val::global("Object").call<val>("keys", object))) {
    out[key] = to_bytes(object[key]);
  }
  return out;
}

bool has(const val& object, const char* key) {
  if (object.isUndefined() || object.isNull()) return false;
  const val v = object[key];
  return !v.isUndefined() && !v.isNull();
}

void read(const val& o, const char* key, std::string& out) {
  if (has(o, key)) out = o[key].as<std::string>();
}
void read(const val& o, const char* key, std::optional<std::string>& out) {
  if (has(o, key)) out = o[key].as<std::string>();
}
void read(const val& o, const char* key, bool& out) {
  if (has(o, key)) out = o[key].as<bool>();
}
void read(const val& o, const char* key, int& out) {
  if (has(o, key)) out = o[key].as<int>();
}
void read(const val& o, const char* key, uint8_t& out) {
  if (has(o, key)) out = uint8_t(o[key].as<unsigned>());
}
void read(const val& o, const char* key, uint16_t& out) {
  if (has(o, key)) out = uint16_t(o[key].as<unsigned>());
}
void read(const val& o, const char* key, uint32_t& out) {
  if (has(o, key)) out = o[key].as<uint32_t>();
}
void read(const val& o, const char* key, std::optional<uint32_t>& out) {
  if (has(o, key)) out = o[key].as<uint32_t>();
}

val error_object(const Error& error) {
  val e = val::object();
  e.set("code", unsigned(error.code));
  e.set("name", error.name());
  e.set("message", error.message());
  e.set("hint", error.hint());
  return e;
}

val ok(const val& value) {
  val r = val::object();
  r.set("ok", true);
  r.set("value", value);
  return r;
}

val fail(const Error& error) {
  val r = val::object();
  r.set("ok", false);
  r.set("error", error_object(error));
  return r;
}

val command_output(const image::CommandOutput& out) {
  val files = val::array();
  for (const auto& f : out.files) {
    val file = val::object();
    file.set("name", f.name);
    file.set("data", to_uint8array(f.data));
    files.call<void>("push", file);
  }
  val v = val::object();
  v.set("lines", to_js_strings(out.lines));
  v.set("files", files);
  return v;
}

}  // namespace esptool::wasm
