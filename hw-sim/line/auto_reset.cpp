#include "hw-sim/line/auto_reset.h"

namespace hwsim {

void AutoResetCircuit::set_lines(bool dtr, bool rts, Millis now) {
  const bool en_low = !dtr && rts;  // Q1 conducts: DTR pin high, RTS pin low
  io0_low_ = dtr && !rts;           // Q2 conducts: RTS pin high, DTR pin low
  if (en_low) {
    boot_at_ = kNever;  // held in reset
  } else if (en_low_) {
    boot_at_ = now + kEnRiseDelay;  // EN released: rises through the RC
  }
  en_low_ = en_low;
}

std::optional<BootEvent> AutoResetCircuit::take_boot(Millis up_to) {
  if (boot_at_ > up_to) return std::nullopt;
  BootEvent event{boot_at_, io0_low_, false};
  boot_at_ = kNever;
  return event;
}

}  // namespace hwsim
