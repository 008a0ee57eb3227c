// What esptool prints right after connecting: "Chip is ...", "Features: ...", "Crystal is
// ...MHz", "MAC: ..." -- facts decoded by core/chips helpers from registers read here.
#pragma once

#include "core/chips/registers.h"
#include "core/engine/link.h"

namespace esptool::ops {

// Reads every register in `addresses` (duplicates read once) into `values`.
engine::Task<Status> read_registers(engine::Link& link, std::vector<uint32_t> addresses,
                                    chips::RegisterValues& values);

// The crystal (loader.py get_crystal_freq) into Session::crystal. Its estimate divides by the
// rate the ROM auto-bauded to, so this runs before the ROM's rate changes; so does a ROM's baud
// quirk, which needs the crystal (ops/change_baud.h).
engine::Task<Status> read_crystal(engine::Link& link);

// Prints the chip lines and stores chip/revision/features/crystal/mac in the report facts; the
// crystal is read_crystal's.
engine::Task<Status> describe_chip(engine::Link& link);

// read_mac / chip_id commands.
engine::Task<Status> print_mac(engine::Link& link);
engine::Task<Status> print_chip_id(engine::Link& link);

}  // namespace esptool::ops
