// Lookup of simulated chips by their --chip key. Adding a chip = one data file + one line here.
#include "hw-sim/chips/chip_data.h"

namespace hwsim {
namespace {

const ChipModel* const kAll[] = {&kEsp8266, &kEsp32,   &kEsp32s2,  &kEsp32s3, &kEsp32c2, &kEsp32c3,
                                 &kEsp32c5, &kEsp32c6, &kEsp32c61, &kEsp32h2, &kEsp32p4};

}  // namespace

std::span<const ChipModel* const> all_chips() { return kAll; }

const ChipModel* find_chip(std::string_view key) {
  for (const ChipModel* chip : kAll) {
    if (chip->key == key) return chip;
  }
  return nullptr;
}

}  // namespace hwsim
