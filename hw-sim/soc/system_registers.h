// SystemRegisters: the few registers whose value follows the simulated state rather than a preset.
// - UART_CLKDIV = UART clock / current device baud (esptool's crystal detection multiplies it by
//   its own baud, serial-protocol.md §16; the stub scales it on CHANGE_BAUDRATE);
// - GPIO_STRAP = the boot straps latched at the last strap-sampling reset (reset-and-boot.md §6);
// - UARTDEV_BUF_NO = the console the ROM booted on (USB-Serial-JTAG, USB-OTG or UART0,
//   serial-protocol §17);
// - RTC_CNTL_OPTION1 (S2/S3) = plain read/write storage for the force-download bit. It lives in
//   the RTC domain: a software or USB reset keeps it, EN (power-on) clears it. Its effect on the
//   ROM (boot into download mode whatever the straps) is not modelled: only esptool's check
//   before a USB-OTG hard reset reads it.
#pragma once

#include <cstdint>

#include "hw-sim/chips/chip_model.h"
#include "hw-sim/soc/peripheral.h"

namespace hwsim {

class SystemRegisters : public Peripheral {
 public:
  enum class Console : uint8_t { kUart, kUsbJtagSerial, kUsbOtg };
  SystemRegisters(const ChipModel& chip, Console console) : chip_(chip), console_(console) {}

  bool read(uint32_t address, Millis now, uint32_t* value) override;
  bool write(uint32_t address, uint32_t value, Millis now) override;

  void set_uart_baud(uint32_t baud) { uart_baud_ = baud; }
  void set_strap(uint32_t strap) { strap_ = strap; }
  uint32_t strap() const { return strap_; }
  void clear_rtc_option1() { rtc_option1_ = 0; }

 private:
  const ChipModel& chip_;
  Console console_;
  uint32_t uart_baud_ = 115200;
  uint32_t strap_ = 0;
  uint32_t rtc_option1_ = 0;
};

}  // namespace hwsim
