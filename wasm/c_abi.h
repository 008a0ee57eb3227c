// The plain C interface between JS (web/src/c-abi.js) and the modules' calls, in place of Embind
// (issue 10: Embind's runtime was 9.3 KB gzip of glue and its value conversions ~20 KB of wasm on
// the page's critical path). A call is one JSON array, [name, ...args], whose byte arrays travel
// beside it as blobs (each written as {"$b": index}); its result is JSON text with blobs of its
// own, referenced the same way (a call that writes nothing returns null). Each calls file
// registers its names with RegisterCalls.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/error.h"
#include "core/base/result.h"
#include "core/util/json_text.h"

namespace esptool::wasm {

using util::JsonValue;
using util::JsonWriter;

// One call in progress: its arguments, the blobs that came with them, and the result.
class Call {
 public:
  Call(JsonValue call, std::vector<Bytes>& blobs_in) : call_(std::move(call)), in_(blobs_in) {}
  // Argument i (after the call's name); null when absent.
  const JsonValue& arg(size_t i) const { return call_[i + 1]; }
  // `v` as bytes: a blob reference (moved out, so use each once) or an array of numbers.
  Bytes bytes(const JsonValue& v);
  Bytes bytes_arg(size_t i) { return bytes(arg(i)); }
  // {name: bytes} as an object of byte arrays ({} when `v` is no object).
  std::map<std::string, Bytes> bytes_map(const JsonValue& v);
  JsonWriter& out() { return out_; }
  // Writes a reference to `data`, which JS receives as a Uint8Array.
  void put_bytes(Bytes data);
  // Writes a view of `size` bytes at `data` in wasm memory, which JS receives as a Uint8Array
  // over the module's memory, not a copy: for the Node CLI's whole files only (cli_bindings.cpp),
  // which uses it before it calls in again. It goes stale (length 0) when the memory grows.
  void put_view(const uint8_t* data, size_t size);
  std::vector<Bytes>& blobs_out() { return out_blobs_; }

 private:
  JsonValue call_;
  std::vector<Bytes>& in_;
  JsonWriter out_;
  std::vector<Bytes> out_blobs_;
};

using CallFn = void (*)(Call& call);
struct CallEntry {
  const char* name;
  CallFn fn;
};

// A file's calls, added to the module's table before main (static initialisation).
struct RegisterCalls {
  RegisterCalls(const CallEntry* entries, size_t count);
};

// Option readers: an absent or null member leaves the C++ default in place.
void read(const JsonValue& o, std::string_view key, std::string& out);
void read(const JsonValue& o, std::string_view key, std::optional<std::string>& out);
void read(const JsonValue& o, std::string_view key, bool& out);
void read(const JsonValue& o, std::string_view key, std::optional<bool>& out);
void read(const JsonValue& o, std::string_view key, int& out);
void read(const JsonValue& o, std::string_view key, uint8_t& out);
void read(const JsonValue& o, std::string_view key, uint16_t& out);
void read(const JsonValue& o, std::string_view key, uint32_t& out);
void read(const JsonValue& o, std::string_view key, std::optional<uint32_t>& out);

// Strings, lists of strings and objects of strings as JS sends them ("" / empty when not).
std::vector<std::string> strings(const JsonValue& list);
std::map<std::string, std::string> string_map(const JsonValue& object);
void write_strings(JsonWriter& w, const std::vector<std::string>& list);

// {code, name, message, hint}
void write_error(JsonWriter& w, const Error& error);
// {ok: true} (JS reads value as undefined) | {ok: false, error}
void write_status(JsonWriter& w, const Status& status);

// {ok: true, value} with `write_value(w, r.value())` writing the value | {ok: false, error}
template <typename T, typename F>
void write_result(JsonWriter& w, const Result<T>& r, F&& write_value) {
  if (!r.ok()) return write_status(w, r.error());
  w.begin_object().key("ok").value(true).key("value");
  write_value(w, r.value());
  w.end_object();
}

}  // namespace esptool::wasm
