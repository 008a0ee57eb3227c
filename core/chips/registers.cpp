#include "core/chips/registers.h"

#include <algorithm>

#include "core/base/check.h"

namespace esptool::chips {

RegisterValues::RegisterValues(std::initializer_list<std::pair<uint32_t, uint32_t>> values) {
  for (const auto& [address, value] : values) set(address, value);
}

void RegisterValues::set(uint32_t address, uint32_t value) {
  for (auto& entry : values_) {
    if (entry.first == address) {
      entry.second = value;
      return;
    }
  }
  values_.emplace_back(address, value);
}

bool RegisterValues::has(uint32_t address) const {
  return std::any_of(values_.begin(), values_.end(),
                     [address](const auto& e) { return e.first == address; });
}

uint32_t RegisterValues::at(uint32_t address) const {
  for (const auto& entry : values_)
    if (entry.first == address) return entry.second;
  ESPT_CHECK(false, "register value not read; its *_registers() list is missing it");
  return 0;
}

void add_register(std::vector<uint32_t>& list, uint32_t address) {
  if (std::find(list.begin(), list.end(), address) == list.end()) list.push_back(address);
}

}  // namespace esptool::chips
