// AddressSpace: peripherals first, then a sparse page store with read-only presets.
#include "hw-sim/soc/address_space.h"

namespace hwsim {

AddressSpace::AddressSpace(const ChipModel& chip) : chip_(chip) { apply_presets(); }

void AddressSpace::apply_presets() {
  read_only_words_.clear();
  auto preset = [this](uint32_t address, uint32_t value) {
    for (uint32_t i = 0; i < 4; ++i)
      store_byte(address + i, static_cast<uint8_t>(value >> (8 * i)));
    read_only_words_.insert(address);
  };
  preset(kChipMagicAddress, chip_.magic);
  for (const RegisterPreset& reg : chip_.registers) preset(reg.address, reg.value);
  for (const auto& [address, bits] : burned_) {
    uint32_t value = 0;
    for (uint32_t i = 0; i < 4; ++i)
      value |= static_cast<uint32_t>(read_byte(address + i)) << (8 * i);
    preset(address, value | bits);
  }
}

void AddressSpace::burn_bits(uint32_t address, uint32_t bits) {
  burned_[address] |= bits;
  apply_presets();
}

void AddressSpace::reset() {
  pages_.clear();
  apply_presets();
}

uint8_t AddressSpace::read_byte(uint32_t address) const {
  auto it = pages_.find(address / 4096);
  return it == pages_.end() ? 0 : it->second[address % 4096];
}

void AddressSpace::store_byte(uint32_t address, uint8_t value) {
  auto [it, inserted] = pages_.try_emplace(address / 4096);
  if (inserted) it->second.fill(0);
  it->second[address % 4096] = value;
}

uint32_t AddressSpace::read_word(uint32_t address, Millis now) {
  for (Peripheral* p : peripherals_) {
    uint32_t value = 0;
    if (p->read(address, now, &value)) return value;
  }
  uint32_t value = 0;
  for (uint32_t i = 0; i < 4; ++i)
    value |= static_cast<uint32_t>(read_byte(address + i)) << (8 * i);
  return value;
}

void AddressSpace::write_word(uint32_t address, uint32_t value, Millis now) {
  for (Peripheral* p : peripherals_) {
    if (p->write(address, value, now)) return;
  }
  if (read_only_words_.count(address) != 0) return;
  for (uint32_t i = 0; i < 4; ++i) store_byte(address + i, static_cast<uint8_t>(value >> (8 * i)));
}

void AddressSpace::write_bytes(uint32_t address, std::span<const uint8_t> bytes) {
  for (size_t i = 0; i < bytes.size(); ++i)
    store_byte(address + static_cast<uint32_t>(i), bytes[i]);
}

}  // namespace hwsim
