// FaultPlan: what goes wrong on the simulated line and chip, parsed from the server's --faults
// SPEC, a comma-separated list of kind=value:
//   flip=P        each byte (both directions) gets one random bit flipped with probability P
//   drop=P        each byte (both directions) is lost with probability P
//   garbage=P     after each byte (both directions) a random extra byte appears with probability P
//   delay_ms=N    every reply of the chip starts N ms late
//   reset_at=N    the chip resets (keeping its latched straps) when it receives its N-th byte
//   disconnect_at=N  the link drops when the chip receives its N-th byte
//   drop_byte=N   the N-th byte the chip receives is lost (countable, no randomness)
//   flip_byte=N   the N-th byte the chip receives has bit 0 flipped
//   max_baud=N    the line carries at most N baud: above it every byte (both directions)
//                 arrives as noise (a long cable, a slow USB-serial bridge)
//   error=OP:CODE:K  the K-th command with opcode OP is answered with error CODE, not executed
//                 (ROM: status 1 + CODE; stub: CODE), e.g. error=0x11:0xC1:3
// Randomness comes from --seed, so a run is reproduced by its seed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hwsim {

struct FaultPlan {
  double flip = 0.0;
  double drop = 0.0;
  double garbage = 0.0;
  double delay_ms = 0.0;
  std::optional<uint64_t> reset_at;
  std::optional<uint64_t> disconnect_at;
  std::optional<uint64_t> drop_byte;
  std::optional<uint64_t> flip_byte;
  uint32_t max_baud = 0;  // 0: any rate
  struct CommandError {
    uint8_t op;
    uint8_t code;
    uint32_t call;  // 1 = the first command with this opcode
  };
  std::vector<CommandError> errors;

  bool carries(uint32_t baud) const { return max_baud == 0 || baud <= max_baud; }
  bool is_random() const { return flip != 0.0 || drop != 0.0 || garbage != 0.0; }
  bool is_clean() const {
    return !is_random() && delay_ms == 0.0 && !reset_at && !disconnect_at && !drop_byte &&
           !flip_byte && max_baud == 0 && errors.empty();
  }
};

// Parses SPEC; on failure returns nullopt and sets *error to one sentence naming the bad part.
std::optional<FaultPlan> parse_fault_plan(std::string_view spec, std::string* error);

}  // namespace hwsim
