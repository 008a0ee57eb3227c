// How the host's DTR/RTS lines reach the chip. Two circuits implement it: the classic
// two-transistor auto-reset of USB-UART boards (auto_reset.*) and the USB-Serial-JTAG
// peripheral's line-state interpretation (usb_serial_jtag.*). Both turn line changes into boot
// events; the Device asks for them in time order.
#pragma once

#include <optional>

#include "hw-sim/base/time.h"

namespace hwsim {

struct BootEvent {
  Millis time;
  bool download;  // straps (or the USB override) select the ROM download mode
  bool usb;       // reset came from the USB-Serial-JTAG peripheral (ROM prints its own reason)
};

class ResetLine {
 public:
  virtual ~ResetLine() = default;
  // `dtr`/`rts` are the host's logical values (true = asserted = pin at 0 V).
  virtual void set_lines(bool dtr, bool rts, Millis now) = 0;
  // The chip is held in reset (EN low) right now.
  virtual bool holds_reset() const = 0;
  virtual Millis next_boot_time() const = 0;
  // The boot whose time is <= `up_to`, if any (consumed).
  virtual std::optional<BootEvent> take_boot(Millis up_to) = 0;
  // Boot pin (GPIO0/GPIO9) level a strap sample would see now: true = low = download.
  virtual bool boot_pin_low() const = 0;
};

}  // namespace hwsim
