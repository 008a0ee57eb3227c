// AutoResetCircuit: the classic DTR/RTS auto-reset of Espressif dev boards (reset-and-boot.md
// §1). Q1 pulls EN low when DTR is released and RTS asserted; Q2 pulls IO0 low when DTR is
// asserted and RTS released; both asserted (or both released) leave EN and IO0 high. EN has an
// RC delay: the chip leaves reset kEnRiseDelay after EN stops being pulled low, and latches the
// boot strap (IO0 low = download) at that instant. Pulling EN low again before then cancels it.
#pragma once

#include "hw-sim/line/reset_line.h"

namespace hwsim {

// EN pull-up through ~10 kOhm into ~1 uF: the chip sees EN high some milliseconds after release.
// Long enough for esptool's "release EN, then IO0 low" pair of writes to land first, and well
// under the 50 ms it keeps IO0 low afterwards.
inline constexpr Millis kEnRiseDelay = 10.0;

class AutoResetCircuit : public ResetLine {
 public:
  // io0_wired false: a board whose circuit drives only EN (no Q2, or a missing/failed one), so
  // every reset boots from flash unless someone holds BOOT.
  explicit AutoResetCircuit(bool io0_wired = true) : io0_wired_(io0_wired) {}
  void set_lines(bool dtr, bool rts, Millis now) override;
  bool holds_reset() const override { return en_low_; }
  Millis next_boot_time() const override { return boot_at_; }
  std::optional<BootEvent> take_boot(Millis up_to) override;
  bool boot_pin_low() const override { return io0_low_; }

 private:
  // Latches the strap for a boot due by `now` before the lines change again.
  void latch(Millis now);

  bool io0_wired_ = true;
  bool en_low_ = false;
  bool io0_low_ = false;
  Millis boot_at_ = kNever;
  bool latched_ = false;
  bool latched_download_ = false;
};

}  // namespace hwsim
