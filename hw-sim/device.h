// Device: one simulated chip on a serial line, seen from the host side of the port.
//
// Theory of operation. Time is an argument everywhere (hwsim::Millis, milliseconds as a double;
// base/time.h); the device never reads a clock, sleeps or spawns threads, so the same object
// runs in a test with virtual time, in the TCP server with real time, and in wasm.
// - The host's calls (host_write, set_signals, set_baud) first bring the device up to `now`
//   (advance), then take effect at `now`. Calls must come with non-decreasing `now`; an earlier
//   time is treated as the latest one seen.
// - advance(now) runs every internal event up to `now` in time order: boot events from the
//   reset circuit (auto_reset / usb_serial_jtag), timers set by the firmware (stub start, reboot,
//   baud switch), host bytes reaching the chip (Uart: 10 bit times per byte at the sender's
//   rate, garbled when rates differ, faults applied), and complete SLIP frames handed to the
//   running loader (RomLoader / StubLoader) when the CPU is free. A loader answers by queueing
//   output with future timestamps and says how long the CPU stays busy (flash erase/program
//   costs from NorFlash), so a 10 s chip erase delays the reply, not the caller.
// - take_output(now) returns the bytes whose last bit reached the host by `now`.
//   next_output_time() is when the next queued byte completes; next_event_time() is when
//   anything can next happen (a virtual-time driver steps to min(it, its own deadline)).
// - EN low (auto-reset circuit) stops the chip at once: queued output not yet on the wire is
//   lost, pending frames and timers are dropped. Flash effects of a command already handled are
//   kept (a reset mid-erase does not leave a half-erased sector).
// Not modelled: flash encryption, USB re-enumeration, RX FIFO overflow,
// what Secure Boot does beyond its eFuse bit (the ROM does not refuse writes; esptool does).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hw-sim/app/improv_service.h"
#include "hw-sim/base/bytes.h"
#include "hw-sim/base/rng.h"
#include "hw-sim/base/time.h"
#include "hw-sim/chips/chip_model.h"
#include "hw-sim/fault/fault_injector.h"
#include "hw-sim/flash/nor_flash.h"
#include "hw-sim/line/reset_line.h"
#include "hw-sim/line/uart.h"
#include "hw-sim/loader/boot_text.h"
#include "hw-sim/loader/loader.h"
#include "hw-sim/loader/slip.h"
#include "hw-sim/soc/address_space.h"
#include "hw-sim/soc/spi_controller.h"
#include "hw-sim/soc/system_registers.h"

namespace hwsim {

struct DeviceOptions {
  const ChipModel* chip = nullptr;  // required: find_chip("esp32") etc.
  uint32_t flash_size = 4 * 1024 * 1024;
  bool usb_jtag_serial = false;  // USB-Serial-JTAG console instead of a USB-UART bridge
  // USB-OTG (CDC-ACM) console, ESP32-S2/S3 only: UARTDEV_BUF_NO reads the chip's USB-OTG number
  // and data blocks above kUsbOtgMaxBlock are refused (the ROM's USB buffer). DTR/RTS still go
  // through the auto-reset circuit, so esptool's classic reset straps GPIO0 low as on a board.
  bool usb_otg = false;
  // Secure Boot eFuse burned (ChipModel::secure_boot_efuse; chips that model it).
  bool secure_boot = false;
  // Secure Download Mode eFuse burned (ESP32-S2 and later: chips with GET_SECURITY_INFO): the
  // ROM loader serves only the commands esptool's docs list (RomLoader) and reports the flag.
  bool secure_download_mode = false;
  FaultPlan faults;
  uint64_t seed = 1;
  Bytes initial_flash;            // empty: erased
  bool power_on_download = true;  // boot straps at time 0: download mode, else SPI boot
  uint32_t host_baud = 115200;
  FlashTiming flash_timing;
  // The auto-reset circuit pulls IO0 as well as EN (false: EN only, resets boot from flash).
  bool auto_reset_io0 = true;
  // A running app prints an ESP-IDF-style log line at kAppBaud every this many ms (0: the app
  // only sends kAppNoiseBytes of line noise once, what a loader-minded host should ignore).
  Millis app_print_interval_ms = 0;
  // The flashed app answers Improv Wi-Fi serial at kAppBaud (hw-sim/app/improv_service.h);
  // provisioning survives resets, as a real app keeps it in NVS.
  bool app_improv = false;
  ImprovConfig improv;
};

enum class DeviceMode { kInReset, kRom, kStub, kApp };

class Device final : private LoaderContext {
 public:
  explicit Device(const DeviceOptions& options);
  ~Device() override;

  // The host side of a serial port.
  void host_write(std::span<const uint8_t> bytes, Millis now);
  void set_signals(bool dtr, bool rts, Millis now);
  void set_baud(uint32_t baud, Millis now);
  void advance(Millis now);
  Bytes take_output(Millis now);
  Millis next_output_time() const { return uart_.next_tx_time(); }
  Millis next_event_time() const;
  // When the reset circuit next lets the chip boot (EN released, RC delay running), or kNever.
  Millis next_boot_time() const { return reset_line_->next_boot_time(); }
  // The next event that passes in real time whatever the driver skips: a reset-circuit boot
  // (part of the host's reset sequence) or the running app's next print (it keeps its pace).
  Millis next_real_time_event() const;
  // Drivers without baud pacing: runs the chip's own pending work (bytes on the wire, flash
  // costs, firmware timers, reply delays) from `now` without waiting for it. Stops when the chip
  // waits for the host, before a pending boot (the EN RC delay is part of the host's reset
  // sequence, whose steps arrive in the host's time), or after `max_steps` steps. Returns the
  // device time reached (>= now); output complete by then is ready for take_output.
  Millis skip_ahead(Millis now, uint32_t max_steps);

  // A person at the board: power-cycle with the BOOT button held (download) or not.
  void power_cycle(bool download, Millis now);
  // Drops chip output complete by `now` that the host has not taken (RFC 2217 purge).
  void discard_output(Millis now);
  // Drops host bytes not yet delivered to the chip (RFC 2217 purge of the transmit buffer).
  void discard_input(Millis now);
  // The disconnect_at fault fired; the server closes the link.
  bool link_lost() const { return link_lost_; }
  void clear_link_lost() { link_lost_ = false; }
  // Replaces the fault plan from now on; its byte and command counts start again at zero.
  void set_faults(const FaultPlan& plan, uint64_t seed) { faults_ = FaultInjector(plan, seed); }

  DeviceMode mode() const { return mode_; }
  // Chip resets so far (any reason): a USB console re-enumerates on each (reset-and-boot.md §7),
  // which a host-side port model follows by counting.
  uint32_t boots() const { return boots_; }
  uint32_t uart_baud() const override { return uart_.device_baud(); }
  const ChipModel& chip() const override { return chip_; }
  NorFlash& flash() override { return flash_; }
  const NorFlash& flash() const { return flash_; }
  Millis now() const { return now_; }
  // Tests: the bus word at `address` as READ_REG would see it now (e.g. RAM that MEM_DATA wrote
  // before the chip jumped away from the loader).
  uint32_t peek_word(uint32_t address) { return bus_.read_word(address, now_); }

  // One line per event (frames both ways, boots, resets, baud switches), for test failure
  // reports and the server's -v.
  void set_trace(std::function<void(const std::string&)> trace) { trace_ = std::move(trace); }

 private:
  enum class TimerKind { kStartStub, kSoftwareReset, kRunUserCode, kRunUnknown, kSetBaud, kAppPrint };
  struct Timer {
    Millis time;
    TimerKind kind;
    uint32_t value;
  };
  struct PendingFrame {
    Bytes bytes;
    Millis ready;
  };

  // LoaderContext
  AddressSpace& bus() override { return bus_; }
  SpiController& spi() override { return spi_; }
  void send_frame(std::span<const uint8_t> payload, Millis at) override;
  void set_uart_baud(uint32_t baud, Millis at) override;
  void lock_autobaud() override { autobaud_armed_ = false; }
  uint32_t max_data_block() const override { return max_data_block_; }
  bool secure_boot() const override { return secure_boot_; }
  bool secure_download_mode() const override { return secure_download_mode_; }
  void start_stub(Millis at) override { add_timer(at, TimerKind::kStartStub); }
  void software_reset(Millis at) override { add_timer(at, TimerKind::kSoftwareReset); }
  void run_user_code(Millis at) override { add_timer(at, TimerKind::kRunUserCode); }
  void run_unknown_code(Millis at) override { add_timer(at, TimerKind::kRunUnknown); }

  void add_timer(Millis at, TimerKind kind, uint32_t value = 0);
  Millis next_timer_time() const;
  Millis next_frame_time() const;
  void fire_timer(Millis t);
  void dispatch_frame(Millis t);
  bool inject_command_error(std::span<const uint8_t> frame, Millis t);
  void receive_byte(const LineByte& byte);
  void deliver(uint8_t value, Millis t);
  void stop(Millis t);
  void boot(bool download, ResetReason reason, Millis t);
  void send_text(const std::string& text, Millis at);
  // Chip -> host bytes as the line delivers them at the chip's current rate (faults' max_baud).
  Bytes over_the_line(Bytes bytes);
  std::string spi_boot_log_with_app(Millis t);
  std::string app_line(Millis t);
  void set_device_baud(uint32_t baud);
  void trace(Millis t, const std::string& what);

  const ChipModel& chip_;
  NorFlash flash_;
  AddressSpace bus_;
  SpiController spi_;
  SystemRegisters sysregs_;
  Uart uart_;
  std::unique_ptr<ResetLine> reset_line_;
  FaultInjector faults_;
  Rng line_rng_;
  SlipReceiver slip_;
  std::unique_ptr<Loader> loader_;
  DeviceMode mode_ = DeviceMode::kInReset;
  bool strap_download_ = true;   // latched at the last strap-sampling reset
  uint32_t max_data_block_ = 0;  // 0: as large as the loader's own buffer
  bool secure_boot_ = false;
  bool secure_download_mode_ = false;
  bool autobaud_armed_ = false;
  bool link_lost_ = false;
  Millis app_print_interval_ms_ = 0;
  uint32_t app_prints_ = 0;  // lines printed since the app started
  Millis app_started_ = 0;   // when it started: its log stamps count from there
  uint32_t boots_ = 0;
  std::unique_ptr<ImprovService> improv_;  // when DeviceOptions::app_improv
  bool app_listens_ = false;               // a flashed app runs and reads the console
  std::deque<PendingFrame> frames_;
  std::vector<Timer> timers_;
  Millis cpu_free_at_ = 0.0;
  Millis now_ = 0.0;
  std::function<void(const std::string&)> trace_;
};

}  // namespace hwsim
