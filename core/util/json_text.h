// JSON text codec for values crossing the plain C ABI between JavaScript and the wasm module.
// Small on purpose (nlohmann_json costs ~30 KB of wasm): numbers are doubles, objects are
// ordered lists searched linearly, and there is no std::map, std::variant or iostream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esptool::util {

// A parsed JSON value. Objects keep their members in text order (keys_ parallel to items_).
// Lookups never fail: a missing member or index gives a shared null value.
class JsonValue {
 public:
  enum class Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }  // null, or a member that is absent
  bool is_string() const { return type_ == Type::kString; }
  bool is_number() const { return type_ == Type::kNumber; }
  bool is_bool() const { return type_ == Type::kBool; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }
  bool as_bool() const { return type_ == Type::kBool && flag_; }  // false unless kBool true
  double as_number() const { return type_ == Type::kNumber ? number_ : 0; }
  const std::string& as_string() const { return string_; }  // "" unless kString
  size_t size() const { return items_.size(); }             // 0 unless array or object
  // Array item or object member value i; the shared null when out of range.
  const JsonValue& operator[](size_t i) const;
  // The first member named `key`; the shared null when absent or not an object.
  const JsonValue& operator[](std::string_view key) const;
  bool has(std::string_view key) const { return !(*this)[key].is_null(); }  // present, not null
  const std::string& key(size_t i) const;  // object member i's key; "" when out of range

  // Builders, used by the parser and by tests.
  static JsonValue null() { return JsonValue(); }
  static JsonValue boolean(bool flag);
  static JsonValue number(double number);
  static JsonValue string(std::string text);
  static JsonValue array() { return of(Type::kArray); }
  static JsonValue object() { return of(Type::kObject); }
  void push(JsonValue v) { items_.push_back(std::move(v)); }  // on an array
  void set(std::string key, JsonValue v);  // on an object; appends, even when `key` exists

 private:
  static JsonValue of(Type type) {
    JsonValue v;
    v.type_ = type;
    return v;
  }

  Type type_ = Type::kNull;
  bool flag_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<JsonValue> items_;   // array items, or object member values
  std::vector<std::string> keys_;  // object member keys, parallel to items_
};

// The value of `text` (one JSON value, whitespace around it allowed), or nullopt with `error`
// (when not null) set to a one-line reason with the byte offset, e.g. "expected ':' at 12".
// Nesting deeper than 64 levels is an error (no unbounded recursion). Leading zeros ("01") are
// rejected, as JSON requires; a lone \uD800-\uDFFF escape decodes to U+FFFD (as TextEncoder does).
std::optional<JsonValue> parse_json(std::string_view text, std::string* error = nullptr);

// Builds JSON text. Commas are placed automatically. Strings are escaped: '"', '\\', and
// control characters below 0x20 (\n, \r, \t, \b, \f as such, others as \u00XX); bytes >= 0x80
// pass through unchanged (the JS side decodes the whole text as UTF-8). Numbers: integers that
// fit in 2^53 print without a decimal point or exponent (e.g. 4294967295, -1, 0); other doubles
// in plain notation rounded to a millionth (clock times in ms: a nanosecond), those of 9.2e12 or
// more to an integer; NaN, infinities and magnitudes past int64 print as null. The caller keeps the
// nesting right; it is not checked.
class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name);  // inside an object, before each value
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text);  // so a literal does not pick value(bool)
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(bool flag) { return raw(flag ? "true" : "false"); }
  JsonWriter& value(double number);
  JsonWriter& value(int64_t number);
  JsonWriter& value(uint32_t number) { return value(int64_t{number}); }
  JsonWriter& value(int number) { return value(int64_t{number}); }
  JsonWriter& null() { return raw("null"); }
  JsonWriter& raw(std::string_view json);  // an already-encoded value, placed like any value
  const std::string& text() const { return text_; }
  std::string take();  // moves the text out, the writer is then empty

 private:
  void separate();  // a comma before anything but a container's first entry or a key's value
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  std::string text_;
  bool needs_comma_ = false;
};

}  // namespace esptool::util
