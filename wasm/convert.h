// C++ <-> JS value conversion for the Embind layer: bytes (one copy in, a fresh Uint8Array out,
// never a view into wasm memory; the CLI's runOffline in cli_bindings.cpp is the one exception),
// string lists and maps, optional option fields, and the {ok, value} | {ok: false, error} result
// objects. No esptool logic lives here.
#pragma once

#include <emscripten/val.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/result.h"
#include "core/image/output.h"

namespace esptool::wasm {

using emscripten::val;

Bytes to_bytes(const val& u8);
val to_uint8array(const Bytes& bytes);
std::vector<std::string> to_strings(const val& array);
val to_js_strings(const std::vector<std::string>& v);
std::map<std::string, std::string> to_string_map(const val& object);
std::map<std::string, Bytes> to_bytes_map(const val& object);

// Option fields: absent (or undefined/null) keys leave the C++ default in place.
bool has(const val& object, const char* key);
void read(const val& object, const char* key, std::string& out);
void read(const val& object, const char* key, std::optional<std::string>& out);
void read(const val& object, const char* key, bool& out);
void read(const val& object, const char* key, std::optional<bool>& out);
void read(const val& object, const char* key, int& out);
void read(const val& object, const char* key, uint8_t& out);
void read(const val& object, const char* key, uint16_t& out);
void read(const val& object, const char* key, uint32_t& out);
void read(const val& object, const char* key, std::optional<uint32_t>& out);

val error_object(const Error& error);
val ok(const val& value);
val fail(const Error& error);

// {lines: string[], files: [{name, data: Uint8Array}]}
val command_output(const image::CommandOutput& out);

template <typename T, typename F>
val to_result(const Result<T>& r, F&& convert) {
  return r.ok() ? ok(convert(r.value())) : fail(r.error());
}

}  // namespace esptool::wasm
