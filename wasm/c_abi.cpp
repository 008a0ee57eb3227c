#include "wasm/c_abi.h"

#include <emscripten/emscripten.h>

#include <string>

namespace esptool::wasm {
namespace {

std::vector<CallEntry>& call_table() {
  static std::vector<CallEntry> table;
  return table;
}

// Between JS's writes and its reads: the blobs of the next call (its JSON last), then the result
// of the last one (JSON text first, then its blobs).
std::vector<Bytes> g_in;
std::string g_text;
std::vector<Bytes> g_out;

// The names this module answers to (web/src/c-abi.js attaches them).
void list_calls(Call& c) {
  c.out().begin_array();
  for (const CallEntry& e : call_table()) c.out().value(e.name);
  c.out().end_array();
}
const CallEntry kCalls[] = {{"calls", list_calls}};
const RegisterCalls kRegistered(kCalls, std::size(kCalls));

std::string run(std::string_view json) {
  std::string why;
  std::optional<JsonValue> call = util::parse_json(json, &why);
  if (!call)
    return JsonWriter().begin_object().key("$error").value("bad call: " + why).end_object().take();
  const std::string name = (*call)[size_t(0)].as_string();
  for (const CallEntry& e : call_table()) {
    if (name != e.name) continue;
    Call c(std::move(*call), g_in);
    e.fn(c);
    g_out = std::move(c.blobs_out());
    std::string result = c.out().take();
    return result.empty() ? "null" : result;  // a call with nothing to say
  }
  return JsonWriter()
      .begin_object()
      .key("$error")
      .value("no call named " + name)
      .end_object()
      .take();
}

}  // namespace

Bytes Call::bytes(const JsonValue& v) {
  if (v.is_array()) {
    Bytes out(v.size());
    for (size_t i = 0; i < out.size(); ++i) out[i] = uint8_t(v[i].as_number());
    return out;
  }
  const size_t index = size_t(v["$b"].as_number());
  if (!v.has("$b") || index >= in_.size()) return {};
  return std::move(in_[index]);
}

std::map<std::string, Bytes> Call::bytes_map(const JsonValue& v) {
  std::map<std::string, Bytes> out;
  for (size_t i = 0; i < v.size() && v.is_object(); ++i) out[v.key(i)] = bytes(v[i]);
  return out;
}

void Call::put_bytes(Bytes data) {
  out_blobs_.push_back(std::move(data));
  out_.begin_object().key("$b").value(uint32_t(out_blobs_.size())).end_object();
}

void Call::put_view(const uint8_t* data, size_t size) {
  out_.begin_object().key("$v").begin_array();
  out_.value(int64_t(reinterpret_cast<uintptr_t>(data))).value(int64_t(size));
  out_.end_array().end_object();
}

RegisterCalls::RegisterCalls(const CallEntry* entries, size_t count) {
  call_table().insert(call_table().end(), entries, entries + count);
}

void read(const JsonValue& o, std::string_view key, std::string& out) {
  if (o.has(key)) out = o[key].as_string();
}
void read(const JsonValue& o, std::string_view key, std::optional<std::string>& out) {
  if (o.has(key)) out = o[key].as_string();
}
void read(const JsonValue& o, std::string_view key, bool& out) {
  if (o.has(key)) out = o[key].is_bool() ? o[key].as_bool() : o[key].as_number() != 0;
}
void read(const JsonValue& o, std::string_view key, std::optional<bool>& out) {
  bool flag = false;
  if (o.has(key)) read(o, key, flag), out = flag;
}
void read(const JsonValue& o, std::string_view key, int& out) {
  if (o.has(key)) out = int(o[key].as_number());
}
void read(const JsonValue& o, std::string_view key, uint8_t& out) {
  if (o.has(key)) out = uint8_t(int64_t(o[key].as_number()));
}
void read(const JsonValue& o, std::string_view key, uint16_t& out) {
  if (o.has(key)) out = uint16_t(int64_t(o[key].as_number()));
}
void read(const JsonValue& o, std::string_view key, uint32_t& out) {
  if (o.has(key)) out = uint32_t(int64_t(o[key].as_number()));
}
void read(const JsonValue& o, std::string_view key, std::optional<uint32_t>& out) {
  if (o.has(key)) out = uint32_t(int64_t(o[key].as_number()));
}

std::vector<std::string> strings(const JsonValue& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (size_t i = 0; i < list.size(); ++i) out.push_back(list[i].as_string());
  return out;
}

std::map<std::string, std::string> string_map(const JsonValue& object) {
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < object.size() && object.is_object(); ++i)
    out[object.key(i)] = object[i].as_string();
  return out;
}

void write_strings(JsonWriter& w, const std::vector<std::string>& list) {
  w.begin_array();
  for (const std::string& s : list) w.value(s);
  w.end_array();
}

void write_error(JsonWriter& w, const Error& error) {
  w.begin_object();
  w.key("code").value(uint32_t(error.code));
  w.key("name").value(error.name());
  w.key("message").value(error.message());
  w.key("hint").value(error.hint());
  w.end_object();
}

void write_status(JsonWriter& w, const Status& status) {
  w.begin_object().key("ok").value(status.ok());
  if (!status.ok()) write_error(w.key("error"), status.error());
  w.end_object();
}

}  // namespace esptool::wasm

using esptool::Bytes;
using esptool::wasm::g_in;
using esptool::wasm::g_out;
using esptool::wasm::g_text;

extern "C" {

// Room for the next input blob, `size` bytes, for JS to fill; the call's JSON comes last.
EMSCRIPTEN_KEEPALIVE uint8_t* espt_blob_in(uint32_t size) {
  g_in.emplace_back(size);
  return g_in.back().data();
}

// Runs the call whose JSON is the last input blob; the result is output 0 (JSON text), its blobs
// outputs 1... Returns how many outputs there are.
EMSCRIPTEN_KEEPALIVE uint32_t espt_call() {
  g_out.clear();
  if (g_in.empty()) return 0;
  const Bytes json = std::move(g_in.back());
  g_in.pop_back();
  g_text =
      esptool::wasm::run(std::string_view(reinterpret_cast<const char*>(json.data()), json.size()));
  g_in.clear();
  return uint32_t(g_out.size() + 1);
}

EMSCRIPTEN_KEEPALIVE const uint8_t* espt_out_data(uint32_t i) {
  if (i == 0) return reinterpret_cast<const uint8_t*>(g_text.data());
  return i <= g_out.size() ? g_out[i - 1].data() : nullptr;
}

EMSCRIPTEN_KEEPALIVE uint32_t espt_out_size(uint32_t i) {
  if (i == 0) return uint32_t(g_text.size());
  return i <= g_out.size() ? uint32_t(g_out[i - 1].size()) : 0;
}

}  // extern "C"
