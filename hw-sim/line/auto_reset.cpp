// AutoResetCircuit: transistor truth table, EN RC delay, strap latch at the boot instant.
#include "hw-sim/line/auto_reset.h"

namespace hwsim {

void AutoResetCircuit::latch(Millis now) {
  if (boot_at_ <= now && !latched_) {
    latched_ = true;
    latched_download_ = io0_low_;
  }
}

void AutoResetCircuit::set_lines(bool dtr, bool rts, Millis now) {
  latch(now);                       // a boot due before this change samples the old IO0 level
  const bool en_low = !dtr && rts;  // Q1 conducts: DTR pin high, RTS pin low
  io0_low_ = io0_wired_ && dtr && !rts;  // Q2 conducts: RTS pin high, DTR pin low
  if (en_low) {
    boot_at_ = kNever;  // held in reset
    latched_ = false;
  } else if (en_low_) {
    boot_at_ = now + kEnRiseDelay;  // EN released: rises through the RC
    latched_ = false;
  }
  en_low_ = en_low;
}

std::optional<BootEvent> AutoResetCircuit::take_boot(Millis up_to) {
  if (boot_at_ > up_to) return std::nullopt;
  latch(boot_at_);
  BootEvent event{boot_at_, latched_download_, false};
  boot_at_ = kNever;
  latched_ = false;
  return event;
}

}  // namespace hwsim
