// UsbSerialJtagReset: the USB-Serial-JTAG peripheral (C3, C5, C6, C61, H2, S3) has no reset
// wires; it interprets the CDC line state (reset-and-boot.md §7, model suggested there since the
// exact mapping is not documented): DTR=1/RTS=0 requests download mode for the next reset,
// DTR=0/RTS=0 withdraws the request, entering DTR=0/RTS=1 resets the chip at once, which boots
// into download mode if requested. esptool's USBJTAGSerialReset and its RTS hard reset both work.
#pragma once

#include "hw-sim/line/reset_line.h"

namespace hwsim {

// Time from the line-state change to the chip running its ROM again (USB reset pulse + boot).
inline constexpr Millis kUsbResetDelay = 1.0;

class UsbSerialJtagReset : public ResetLine {
 public:
  void set_lines(bool dtr, bool rts, Millis now) override;
  bool holds_reset() const override { return false; }
  Millis next_boot_time() const override { return boot_at_; }
  std::optional<BootEvent> take_boot(Millis up_to) override;
  bool boot_pin_low() const override { return false; }  // GPIO9 pulled up on the board

 private:
  bool dtr_ = false;
  bool rts_ = false;
  bool download_requested_ = false;
  Millis boot_at_ = kNever;
  bool boot_download_ = false;
};

}  // namespace hwsim
