// Facts: what a command learned, by name (chip, mac, flash_id, features ...), for the page's
// chip card, the JS API and the tests. Values are text, whole numbers, flags or lists of text,
// kept in the order they were first set. Only the bindings turn them into JS values, so the
// device module carries no JSON library (issue 10).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace esptool::engine {

class Facts {
 public:
  using List = std::vector<std::string>;
  using Value = std::variant<bool, int64_t, std::string, List>;
  using Entry = std::pair<std::string, Value>;

  // Setters by kind: one overload set over bool, numbers and text would let a string literal
  // or an unsigned pick the wrong alternative.
  void set_text(std::string_view name, std::string text) { put(name, Value(std::move(text))); }
  void set_number(std::string_view name, int64_t number) { put(name, Value(number)); }
  void set_flag(std::string_view name, bool flag) { put(name, Value(flag)); }
  void set_list(std::string_view name, List list) { put(name, Value(std::move(list))); }
  // A counter: `name` goes up by one (from 0 when unset); the new count.
  int64_t count(std::string_view name);

  const Value* find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name) != nullptr; }

  // The value when `name` holds one of that kind, else `fallback`.
  std::string text(std::string_view name, std::string fallback = {}) const;
  int64_t number(std::string_view name, int64_t fallback = 0) const;
  bool flag(std::string_view name, bool fallback = false) const;
  List list(std::string_view name) const;

  const std::vector<Entry>& entries() const { return entries_; }

 private:
  void put(std::string_view name, Value value);
  std::vector<Entry> entries_;
};

}  // namespace esptool::engine
