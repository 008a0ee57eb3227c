// After-connect facts that depend on the console the ROM uses (serial-protocol.md §7.1, §17;
// reset-and-boot.md §5, §7): USB mode, block sizes, watchdog writes, hard-reset variants, and
// which flasher stub file to upload.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/chips/chip.h"
#include "core/chips/registers.h"

namespace esptool::chips {

enum class UsbMode : uint8_t { kUart, kUsbOtg, kUsbJtagSerial };

// {UARTDEV_BUF_NO} on chips whose esptool flow checks the console (S2/S3 for USB-OTG; chips that
// disable watchdogs or, like C5, pick the reset by it); empty otherwise and in Secure Download
// Mode, where esptool cannot read it and assumes UART.
std::vector<uint32_t> usb_mode_registers(const ChipInfo& chip, bool secure_download_mode);
// get_uart_no() & 0xFF compared with the chip's USB-OTG and USB-JTAG-Serial values.
UsbMode decode_usb_mode(const ChipInfo& chip, uint32_t uartdev_buf_no);

// ESP_RAM_BLOCK (MEM_DATA payload): 0x1800, or 0x800 on USB-OTG (S2/S3 ROM and stub; the
// ESP32-S3(beta2) stub class does not switch).
uint32_t ram_block_size(const ChipInfo& chip, bool is_stub, UsbMode mode);
// FLASH_WRITE_SIZE: ROM 0x400; stub 0x4000, or 0x800 on USB-OTG (S2/S3).
uint32_t flash_block_size(const ChipInfo& chip, bool is_stub, UsbMode mode);

struct RegWrite {
  uint32_t address = 0;
  uint32_t value = 0;
  uint32_t mask = 0xFFFFFFFF;
};
// _post_connect: disable the RTC WDT and let the super watchdog feed itself, on USB-JTAG-Serial
// only and only when the sync did not find a running stub.
bool should_disable_watchdogs(const ChipInfo& chip, UsbMode mode, bool sync_stub_detected);
// The WRITE_REGs of disable_watchdogs, given SWD_CONF as read first (esptool reads it, then
// writes it back with the auto-feed bit set). Register to read: chip.watchdogs->swd_conf.
std::vector<RegWrite> watchdog_disable_writes(const ChipInfo& chip, uint32_t swd_conf);

// HardReset(uses_usb=True): the long RTS pulse, for S2/S3 on USB-OTG and C5 on USB-JTAG-Serial.
bool hard_reset_uses_long_pulse(const ChipInfo& chip, UsbMode mode);
// Registers _check_if_can_reset reads (USB-OTG only): {GPIO_STRAP, RTC_CNTL_OPTION1}.
std::vector<uint32_t> reset_strap_registers(const ChipInfo& chip, UsbMode mode);
// Empty when esptool would reset; otherwise its exit message (it refuses when GPIO0 strapped the
// chip into download mode and download was not forced). `description` is chip_description().
std::string usb_otg_reset_refusal(const ChipInfo& chip, UsbMode mode, uint32_t gpio_strap,
                                  uint32_t rtc_option1, const std::string& description);
// ESP32-S3 hard_reset clears the force-download bit first (errors ignored); empty elsewhere.
std::vector<RegWrite> pre_hard_reset_writes(const ChipInfo& chip);

// esptool-js 0.6.1 stub file for this chip and revision (nullptr: no stub for this chip).
const char* stub_file(const ChipInfo& chip, const Revision& revision);
// _post_connect: ESP32-C2 v0.0 runs without the stub ("Stub loader has been disabled for
// compatibility"), except in Secure Download Mode where the revision is unknown.
bool stub_disabled(const ChipInfo& chip, const Revision& revision, bool secure_download_mode);

}  // namespace esptool::chips
