// FaultPlan: what goes wrong on the simulated line and chip, parsed from the server's --faults
// SPEC, a comma-separated list of kind=value:
//   flip=P        each byte (both directions) gets one random bit flipped with probability P
//   drop=P        each byte (both directions) is lost with probability P
//   garbage=P     after each byte (both directions) a random extra byte appears with probability P
//   delay_ms=N    every reply of the chip starts N ms late
//   reset_at=N    the chip resets (keeping its latched straps) when it receives its N-th byte
//   disconnect_at=N  the link drops when the chip receives its N-th byte
// Randomness comes from --seed, so a run is reproduced by its seed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hwsim {

struct FaultPlan {
  double flip = 0.0;
  double drop = 0.0;
  double garbage = 0.0;
  double delay_ms = 0.0;
  std::optional<uint64_t> reset_at;
  std::optional<uint64_t> disconnect_at;

  bool is_clean() const {
    return flip == 0.0 && drop == 0.0 && garbage == 0.0 && delay_ms == 0.0 && !reset_at &&
           !disconnect_at;
  }
};

// Parses SPEC; on failure returns nullopt and sets *error to one sentence naming the bad part.
std::optional<FaultPlan> parse_fault_plan(std::string_view spec, std::string* error);

}  // namespace hwsim
