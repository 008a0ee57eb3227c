// SystemRegisters: UART divider, latched straps, console number and RTC option bits from state.
#include "hw-sim/soc/system_registers.h"

namespace hwsim {

bool SystemRegisters::read(uint32_t address, Millis, uint32_t* value) {
  if (address == chip_.uart_clkdiv_reg) {
    // Integer divider in bits 0-19; ESP32 and later add a 4-bit fraction at bit 20.
    const uint64_t sixteenths = (static_cast<uint64_t>(chip_.uart_clock_hz) * 16) / uart_baud_;
    uint32_t reg = static_cast<uint32_t>(sixteenths / 16) & 0xFFFFF;
    if (chip_.uart_clkdiv_has_fraction) reg |= static_cast<uint32_t>(sixteenths % 16) << 20;
    *value = reg;
    return true;
  }
  if (address == chip_.gpio_strap_reg) {
    *value = strap_;
    return true;
  }
  if (chip_.uartdev_buf_no != 0 && address == chip_.uartdev_buf_no) {
    switch (console_) {
      case Console::kUart:
        *value = 0;
        break;
      case Console::kUsbJtagSerial:
        *value = chip_.uart_no_usb_jtag;
        break;
      case Console::kUsbOtg:
        *value = chip_.uart_no_usb_otg;
        break;
    }
    return true;
  }
  if (chip_.rtc_option1_reg != 0 && address == chip_.rtc_option1_reg) {
    *value = rtc_option1_;
    return true;
  }
  return false;
}

bool SystemRegisters::write(uint32_t address, uint32_t value, Millis) {
  if (chip_.rtc_option1_reg != 0 && address == chip_.rtc_option1_reg) {
    rtc_option1_ = value;
    return true;
  }
  // Writes to the others are accepted and have no effect (the divider follows set_uart_baud()).
  return address == chip_.uart_clkdiv_reg || address == chip_.gpio_strap_reg ||
         (chip_.uartdev_buf_no != 0 && address == chip_.uartdev_buf_no);
}

}  // namespace hwsim
