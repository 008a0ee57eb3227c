// SystemRegisters: the few registers whose value follows the simulated state rather than a preset.
// - UART_CLKDIV = UART clock / current device baud (esptool's crystal detection multiplies it by
//   its own baud, serial-protocol.md §16; the stub scales it on CHANGE_BAUDRATE);
// - GPIO_STRAP = the boot straps latched at the last strap-sampling reset (reset-and-boot.md §6);
// - UARTDEV_BUF_NO = the console the ROM booted on (USB-Serial-JTAG or UART0, serial-protocol §17).
#pragma once

#include <cstdint>

#include "hw-sim/chips/chip_model.h"
#include "hw-sim/soc/peripheral.h"

namespace hwsim {

class SystemRegisters : public Peripheral {
 public:
  SystemRegisters(const ChipModel& chip, bool usb_jtag_serial)
      : chip_(chip), usb_jtag_serial_(usb_jtag_serial) {}

  bool read(uint32_t address, Millis now, uint32_t* value) override;
  bool write(uint32_t address, uint32_t value, Millis now) override;

  void set_uart_baud(uint32_t baud) { uart_baud_ = baud; }
  void set_strap(uint32_t strap) { strap_ = strap; }
  uint32_t strap() const { return strap_; }

 private:
  const ChipModel& chip_;
  bool usb_jtag_serial_;
  uint32_t uart_baud_ = 115200;
  uint32_t strap_ = 0;
};

}  // namespace hwsim
