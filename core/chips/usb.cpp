#include "core/chips/usb.h"

namespace esptool::chips {

std::vector<uint32_t> usb_mode_registers(const ChipInfo& chip, bool secure_download_mode) {
  const bool checked =
      chip.usb.otg_value != 0 || chip.disables_watchdogs || chip.long_reset_on_usb_jtag;
  if (secure_download_mode || !checked || chip.usb.uartdev_buf_no == 0) return {};
  return {chip.usb.uartdev_buf_no};
}

UsbMode decode_usb_mode(const ChipInfo& chip, uint32_t uartdev_buf_no) {
  const uint32_t uart_no = uartdev_buf_no & 0xFF;
  if (chip.usb.otg_value != 0 && uart_no == chip.usb.otg_value) return UsbMode::kUsbOtg;
  if (chip.usb.jtag_serial_value != 0 && uart_no == chip.usb.jtag_serial_value)
    return UsbMode::kUsbJtagSerial;
  return UsbMode::kUart;
}

namespace {

bool otg_block_applies(const ChipInfo& chip, bool is_stub, UsbMode mode) {
  if (mode != UsbMode::kUsbOtg || chip.protocol.usb_otg_block == 0) return false;
  return !is_stub || chip.protocol.stub_uses_usb_otg_block;
}

}  // namespace

uint32_t ram_block_size(const ChipInfo& chip, bool is_stub, UsbMode mode) {
  return otg_block_applies(chip, is_stub, mode) ? chip.protocol.usb_otg_block
                                                : chip.protocol.ram_block;
}

uint32_t flash_block_size(const ChipInfo& chip, bool is_stub, UsbMode mode) {
  if (!is_stub) return chip.protocol.rom_flash_block;
  return otg_block_applies(chip, is_stub, mode) ? chip.protocol.usb_otg_block
                                                : chip.protocol.stub_flash_block;
}

bool should_disable_watchdogs(const ChipInfo& chip, UsbMode mode, bool sync_stub_detected) {
  return chip.disables_watchdogs && chip.watchdogs && mode == UsbMode::kUsbJtagSerial &&
         !sync_stub_detected;
}

std::vector<RegWrite> watchdog_disable_writes(const ChipInfo& chip, uint32_t swd_conf) {
  if (!chip.watchdogs) return {};
  const WatchdogRegs& w = *chip.watchdogs;
  return {{w.wdt_wprotect, w.wdt_key},
          {w.wdt_config0, 0},
          {w.wdt_wprotect, 0},
          {w.swd_wprotect, w.swd_key},
          {w.swd_conf, swd_conf | w.swd_auto_feed},
          {w.swd_wprotect, 0}};
}

bool hard_reset_uses_long_pulse(const ChipInfo& chip, UsbMode mode) {
  if (mode == UsbMode::kUsbOtg) return chip.usb_otg_straps.has_value();
  return mode == UsbMode::kUsbJtagSerial && chip.long_reset_on_usb_jtag;
}

std::vector<uint32_t> reset_strap_registers(const ChipInfo& chip, UsbMode mode) {
  if (mode != UsbMode::kUsbOtg || !chip.usb_otg_straps) return {};
  return {chip.usb_otg_straps->gpio_strap, chip.usb_otg_straps->option1};
}

std::string usb_otg_reset_refusal(const ChipInfo& chip, UsbMode mode, uint32_t gpio_strap,
                                  uint32_t rtc_option1, const std::string& description) {
  if (mode != UsbMode::kUsbOtg || !chip.usb_otg_straps) return {};
  const StrapRegs& s = *chip.usb_otg_straps;
  if ((gpio_strap & s.spi_boot_mask) != 0 || (rtc_option1 & s.force_download_mask) != 0) return {};
  return "Error: " + description +
         " chip was placed into download mode using GPIO0.\nesptool.py can not exit the download "
         "mode over USB. To run the app, reset the chip manually.\nTo suppress this note, set "
         "--after option to 'no_reset'.";
}

std::vector<RegWrite> pre_hard_reset_writes(const ChipInfo& chip) {
  if (!chip.clears_force_download_on_reset || !chip.usb_otg_straps) return {};
  const StrapRegs& s = *chip.usb_otg_straps;
  return {{s.option1, 0, s.force_download_mask}};
}

const char* stub_file(const ChipInfo& chip, const Revision& revision) {
  if (chip.stub.file_before_rev3 != nullptr && revision.value() < 300)
    return chip.stub.file_before_rev3;
  return chip.stub.file;
}

bool stub_disabled(const ChipInfo& chip, const Revision& revision, bool secure_download_mode) {
  return chip.stub.disabled_at_rev0 && !secure_download_mode && revision.value() == 0;
}

}  // namespace esptool::chips
