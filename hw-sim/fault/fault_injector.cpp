// FaultInjector: per-byte faults in both directions, drawn from one seeded RNG.
#include "hw-sim/fault/fault_injector.h"

namespace hwsim {

RxFault FaultInjector::on_rx_byte(uint8_t value) {
  RxFault fault;
  ++received_;
  fault.value = value;
  if (plan_.reset_at && received_ == *plan_.reset_at) fault.reset = true;
  if (plan_.disconnect_at && received_ == *plan_.disconnect_at) fault.disconnect = true;
  if (plan_.drop_byte && received_ == *plan_.drop_byte) fault.deliver = false;
  if (plan_.flip_byte && received_ == *plan_.flip_byte) fault.value ^= 0x01;
  if (!plan_.is_random()) return fault;
  if (rng_.chance(plan_.drop)) fault.deliver = false;
  if (rng_.chance(plan_.flip)) fault.value ^= static_cast<uint8_t>(1u << rng_.below(8));
  if (rng_.chance(plan_.garbage)) {
    fault.has_garbage = true;
    fault.garbage = rng_.next_byte();
  }
  return fault;
}

uint8_t FaultInjector::on_command(uint8_t op) {
  const uint32_t call = ++op_calls_[op];
  for (const FaultPlan::CommandError& e : plan_.errors) {
    if (e.op == op && e.call == call) return e.code;
  }
  return 0;
}

Bytes FaultInjector::on_tx(std::span<const uint8_t> bytes) {
  if (!plan_.is_random()) {
    return Bytes(bytes.begin(), bytes.end());
  }
  Bytes out;
  out.reserve(bytes.size());
  for (uint8_t b : bytes) {
    const bool drop = rng_.chance(plan_.drop);
    if (rng_.chance(plan_.flip)) b ^= static_cast<uint8_t>(1u << rng_.below(8));
    if (!drop) out.push_back(b);
    if (rng_.chance(plan_.garbage)) out.push_back(rng_.next_byte());
  }
  return out;
}

}  // namespace hwsim
