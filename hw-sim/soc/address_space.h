// AddressSpace: the chip's bus as READ_REG, WRITE_REG and MEM_DATA see it. Peripherals (SPI
// controller, live system registers) claim their addresses first; everything else is a sparse
// byte store that reads 0 where nothing was written, preloaded with the chip's register presets
// (efuses, date and calibration words, the detection magic). Presets are read-only, as efuse read
// registers are. No bounds between RAM and registers are modelled: any address can be read.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <vector>

#include "hw-sim/base/time.h"
#include "hw-sim/chips/chip_model.h"
#include "hw-sim/soc/peripheral.h"

namespace hwsim {

// esptool's CHIP_DETECT_MAGIC_REG_ADDR (serial-protocol.md §14).
inline constexpr uint32_t kChipMagicAddress = 0x40001000;

class AddressSpace {
 public:
  explicit AddressSpace(const ChipModel& chip);

  // Peripherals are not owned; they must outlive this object.
  void attach(Peripheral* peripheral) { peripherals_.push_back(peripheral); }

  uint32_t read_word(uint32_t address, Millis now);
  void write_word(uint32_t address, uint32_t value, Millis now);
  // MEM_DATA: byte copy into the store (peripherals are not consulted).
  void write_bytes(uint32_t address, std::span<const uint8_t> bytes);
  // Forgets everything written since construction (a chip reset), keeping the presets.
  void reset();
  // Sets `bits` in the read-only word at `address` for the life of this object (a burned eFuse,
  // e.g. Secure Boot), on top of the chip's preset there if any.
  void burn_bits(uint32_t address, uint32_t bits);

 private:
  using Page = std::array<uint8_t, 4096>;
  uint8_t read_byte(uint32_t address) const;
  void store_byte(uint32_t address, uint8_t value);
  void apply_presets();

  const ChipModel& chip_;
  std::vector<Peripheral*> peripherals_;
  std::map<uint32_t, Page> pages_;
  std::set<uint32_t> read_only_words_;
  std::map<uint32_t, uint32_t> burned_;
};

}  // namespace hwsim
