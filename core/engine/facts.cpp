#include "core/engine/facts.h"

#include <algorithm>

namespace esptool::engine {

void Facts::put(std::string_view name, Value value) {
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [&](const Entry& e) { return e.first == name; });
  if (it != entries_.end())
    it->second = std::move(value);
  else
    entries_.emplace_back(std::string(name), std::move(value));
}

int64_t Facts::count(std::string_view name) {
  const int64_t next = number(name) + 1;
  set_number(name, next);
  return next;
}

const Facts::Value* Facts::find(std::string_view name) const {
  for (const Entry& e : entries_)
    if (e.first == name) return &e.second;
  return nullptr;
}

namespace {
template <class T>
const T* as(const Facts::Value* v) {
  return v ? std::get_if<T>(v) : nullptr;
}
}  // namespace

std::string Facts::text(std::string_view name, std::string fallback) const {
  const std::string* v = as<std::string>(find(name));
  return v ? *v : fallback;
}

int64_t Facts::number(std::string_view name, int64_t fallback) const {
  const int64_t* v = as<int64_t>(find(name));
  return v ? *v : fallback;
}

bool Facts::flag(std::string_view name, bool fallback) const {
  const bool* v = as<bool>(find(name));
  return v ? *v : fallback;
}

Facts::List Facts::list(std::string_view name) const {
  const List* v = as<List>(find(name));
  return v ? *v : List{};
}

}  // namespace esptool::engine
