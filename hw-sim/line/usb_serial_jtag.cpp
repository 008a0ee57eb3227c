// UsbSerialJtagReset: the CDC line-state model of reset-and-boot.md §7.
#include "hw-sim/line/usb_serial_jtag.h"

namespace hwsim {

void UsbSerialJtagReset::set_lines(bool dtr, bool rts, Millis now) {
  const bool was_reset_state = !dtr_ && rts_;
  dtr_ = dtr;
  rts_ = rts;
  if (dtr && !rts) download_requested_ = true;
  if (!dtr && !rts) download_requested_ = false;
  if (!dtr && rts && !was_reset_state) {
    boot_at_ = now + kUsbResetDelay;
    boot_download_ = download_requested_;
  }
}

std::optional<BootEvent> UsbSerialJtagReset::take_boot(Millis up_to) {
  if (boot_at_ > up_to) return std::nullopt;
  BootEvent event{boot_at_, boot_download_, true};
  boot_at_ = kNever;
  return event;
}

}  // namespace hwsim
