// Register values the engine has read (READ_REG results keyed by address) and the bit fields the
// chip rows describe. Chip helpers decode facts from these; they never read a device themselves.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

namespace esptool::chips {

class RegisterValues {
 public:
  RegisterValues() = default;
  RegisterValues(std::initializer_list<std::pair<uint32_t, uint32_t>> values);

  // Records (or overwrites) the word read at `address`.
  void set(uint32_t address, uint32_t value);
  bool has(uint32_t address) const;
  // The word read at `address`. Asking for a register the helper did not list in its
  // *_registers() function is a bug: ESPT_CHECK aborts.
  uint32_t at(uint32_t address) const;

 private:
  std::vector<std::pair<uint32_t, uint32_t>> values_;
};

// `(word at address >> shift) & mask`: how esptool's targets/*.py read eFuse fields.
struct BitField {
  uint32_t address = 0;
  uint8_t shift = 0;
  uint32_t mask = 0;
  uint32_t read(const RegisterValues& values) const { return (values.at(address) >> shift) & mask; }
};

// A single-bit (or multi-bit) flag: set when `word & mask` is non-zero. address 0 = absent.
struct RegisterFlag {
  uint32_t address = 0;
  uint32_t mask = 0;
  bool present() const { return address != 0; }
};

// Appends `address` unless already listed (register lists keep first-seen order).
void add_register(std::vector<uint32_t>& list, uint32_t address);

}  // namespace esptool::chips
