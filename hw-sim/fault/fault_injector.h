// FaultInjector: applies a FaultPlan to the bytes crossing the line, with its own seeded RNG.
// Host -> chip faults act when a byte reaches the chip (so reset_at/disconnect_at fire at that
// byte's arrival time); chip -> host faults act when the chip queues its output.
#pragma once

#include <cstdint>
#include <span>

#include "hw-sim/base/bytes.h"
#include "hw-sim/base/rng.h"
#include "hw-sim/fault/fault_plan.h"

namespace hwsim {

struct RxFault {
  bool deliver = true;  // false: the byte is lost
  uint8_t value = 0;    // possibly bit-flipped byte
  bool has_garbage = false;
  uint8_t garbage = 0;      // an extra byte the chip sees after this one
  bool reset = false;       // reset_at reached with this byte
  bool disconnect = false;  // disconnect_at reached with this byte
};

class FaultInjector {
 public:
  FaultInjector(const FaultPlan& plan, uint64_t seed) : plan_(plan), rng_(seed) {}

  RxFault on_rx_byte(uint8_t value);
  // Counts a command with opcode `op`; returns the error code to answer instead, or 0.
  uint8_t on_command(uint8_t op);
  // Chip -> host bytes after drop/flip/garbage.
  Bytes on_tx(std::span<const uint8_t> bytes);
  double reply_delay_ms() const { return plan_.delay_ms; }
  uint64_t received() const { return received_; }
  const FaultPlan& plan() const { return plan_; }

 private:
  FaultPlan plan_;
  Rng rng_;
  uint64_t received_ = 0;
  uint32_t op_calls_[256] = {};
};

}  // namespace hwsim
