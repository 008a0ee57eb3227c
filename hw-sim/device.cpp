// Device: event loop over boots, timers, frames and line bytes; the LoaderContext the loaders use.
#include "hw-sim/device.h"

#include <algorithm>
#include <cstdio>

#include "hw-sim/base/check.h"
#include "hw-sim/line/auto_reset.h"
#include "hw-sim/line/usb_serial_jtag.h"
#include "hw-sim/loader/packet.h"
#include "hw-sim/loader/rom_loader.h"
#include "hw-sim/loader/stub_loader.h"

namespace hwsim {
namespace {

SystemRegisters::Console console_of(const DeviceOptions& options) {
  if (options.usb_otg) return SystemRegisters::Console::kUsbOtg;
  if (options.usb_jtag_serial) return SystemRegisters::Console::kUsbJtagSerial;
  return SystemRegisters::Console::kUart;
}

// From the chip leaving reset to its ROM printing (clock and UART set-up); an estimate.
constexpr Millis kRomStartDelay = 1.0;
// Bytes of application output after a flash boot (what a running app prints, garbled).
constexpr size_t kAppNoiseBytes = 32;
// The stub's greeting (serial-protocol.md §7.4).
constexpr uint8_t kOhai[4] = {'O', 'H', 'A', 'I'};

std::string hex_preview(std::span<const uint8_t> bytes) {
  std::string text;
  char buf[4];
  const size_t shown = std::min<size_t>(bytes.size(), 24);
  for (size_t i = 0; i < shown; ++i) {
    std::snprintf(buf, sizeof(buf), "%02x", bytes[i]);
    text += buf;
  }
  if (shown < bytes.size()) text += "...";
  return text;
}

std::string describe_frame(std::span<const uint8_t> frame) {
  char buf[64];
  if (frame.size() >= 8 && frame[0] <= 1) {
    std::snprintf(buf, sizeof(buf), "%s op=0x%02x len=%zu ", frame[0] == 0 ? "cmd" : "reply",
                  frame[1], frame.size() - 8);
  } else {
    std::snprintf(buf, sizeof(buf), "raw len=%zu ", frame.size());
  }
  return buf + hex_preview(frame);
}

}  // namespace

Device::Device(const DeviceOptions& options)
    : chip_(*options.chip),
      flash_(options.flash_size, 0xEF, 0x40, options.flash_timing),
      bus_(chip_),
      spi_(chip_.spi, flash_),
      sysregs_(chip_, console_of(options)),
      uart_(chip_.rom_boot_baud, options.host_baud, options.usb_jtag_serial || options.usb_otg),
      faults_(options.faults, options.seed),
      line_rng_(options.seed ^ 0x5EED0F11ull) {
  HWSIM_CHECK(options.chip != nullptr, "DeviceOptions.chip is required");
  HWSIM_CHECK(!options.usb_otg || chip_.uart_no_usb_otg != 0, "chip has no USB-OTG console");
  HWSIM_CHECK(!(options.usb_otg && options.usb_jtag_serial), "one console: USB-OTG or USB-JTAG");
  HWSIM_CHECK(!options.secure_boot || chip_.secure_boot_efuse.value != 0,
              "Secure Boot eFuse not modelled for this chip");
  if (options.usb_otg) max_data_block_ = kUsbOtgMaxBlock;
  secure_boot_ = options.secure_boot;
  if (options.secure_boot)
    bus_.burn_bits(chip_.secure_boot_efuse.address, chip_.secure_boot_efuse.value);
  if (options.usb_jtag_serial) {
    reset_line_ = std::make_unique<UsbSerialJtagReset>();
  } else {
    reset_line_ = std::make_unique<AutoResetCircuit>();
  }
  bus_.attach(&spi_);
  bus_.attach(&sysregs_);
  flash_.load(options.initial_flash);
  boot(options.power_on_download, ResetReason::kPowerOn, 0.0);
}

Device::~Device() = default;

void Device::trace(Millis t, const std::string& what) {
  if (!trace_) return;
  char stamp[32];
  std::snprintf(stamp, sizeof(stamp), "%12.3f ms  ", t);
  trace_(stamp + what);
}

// ---- host side -------------------------------------------------------------------------------

void Device::host_write(std::span<const uint8_t> bytes, Millis now) {
  advance(now);
  uart_.host_send(bytes, now_);
}

void Device::set_signals(bool dtr, bool rts, Millis now) {
  advance(now);
  reset_line_->set_lines(dtr, rts, now_);
  if (reset_line_->holds_reset() && mode_ != DeviceMode::kInReset) {
    trace(now_, "EN low: chip held in reset");
    stop(now_);
  }
}

void Device::set_baud(uint32_t baud, Millis now) {
  advance(now);
  uart_.set_host_baud(baud, now_);
}

Bytes Device::take_output(Millis now) {
  advance(now);
  return uart_.take_tx(now_, line_rng_);
}

void Device::discard_output(Millis now) {
  advance(now);
  uart_.discard_tx_until(now_);
}

void Device::discard_input(Millis now) {
  advance(now);
  uart_.clear_rx();
}

void Device::power_cycle(bool download, Millis now) {
  advance(now);
  boot(download, ResetReason::kPowerOn, now_);
}

Millis Device::next_timer_time() const {
  Millis t = kNever;
  for (const Timer& timer : timers_) t = std::min(t, timer.time);
  return t;
}

Millis Device::next_frame_time() const {
  return frames_.empty() ? kNever : std::max(frames_.front().ready, cpu_free_at_);
}

Millis Device::next_event_time() const {
  return std::min({uart_.next_tx_time(), uart_.next_rx_time(), next_frame_time(), next_timer_time(),
                   reset_line_->next_boot_time()});
}

void Device::advance(Millis now) {
  now = std::max(now, now_);
  for (;;) {
    const Millis t_boot = reset_line_->next_boot_time();
    const Millis t_timer = next_timer_time();
    const Millis t_frame = next_frame_time();
    const Millis t_rx = uart_.next_rx_time();
    const Millis t = std::min({t_boot, t_timer, t_frame, t_rx});
    if (t > now) break;
    now_ = std::max(now_, t);
    if (t_boot == t) {
      const std::optional<BootEvent> event = reset_line_->take_boot(t);
      boot(event->download, event->usb ? ResetReason::kUsb : ResetReason::kPowerOn, event->time);
    } else if (t_timer == t) {
      fire_timer(t);
    } else if (t_frame == t) {
      dispatch_frame(t);
    } else {
      receive_byte(*uart_.pop_rx(t));
    }
  }
  now_ = now;
}

// ---- chip state ------------------------------------------------------------------------------

void Device::stop(Millis t) {
  uart_.cut_tx_after(t);
  loader_.reset();
  frames_.clear();
  timers_.clear();
  slip_.reset();
  cpu_free_at_ = t;
  mode_ = DeviceMode::kInReset;
}

void Device::set_device_baud(uint32_t baud) {
  uart_.set_device_baud(baud);
  sysregs_.set_uart_baud(baud);
}

void Device::boot(bool download, ResetReason reason, Millis t) {
  stop(t);
  if (reason != ResetReason::kSoftware) strap_download_ = download;
  if (reason == ResetReason::kPowerOn) sysregs_.clear_rtc_option1();  // EN resets the RTC domain
  set_device_baud(chip_.rom_boot_baud);
  bus_.reset();
  spi_.reset();
  sysregs_.set_strap(download ? chip_.strap_download : chip_.strap_spi);
  trace(t, std::string("boot: ") + (download ? "download mode" : "SPI flash boot"));
  std::string text = reset_banner(chip_, reason, download);
  if (download) {
    loader_ = std::make_unique<RomLoader>(static_cast<LoaderContext&>(*this));
    slip_.set_max_frame(loader_->max_frame());
    mode_ = DeviceMode::kRom;
    autobaud_armed_ = true;
  } else {
    text += spi_boot_log_with_app();
    mode_ = DeviceMode::kApp;
  }
  send_text(text, t + kRomStartDelay);
  cpu_free_at_ = t + kRomStartDelay;
}

std::string Device::spi_boot_log_with_app() {
  bool has_app = false;
  std::string text = spi_boot_log(chip_, flash_, &has_app);
  // The application then talks at its own rate and in its own format: to a host listening for
  // the loader it is line noise (deterministic, from the seed).
  if (has_app) {
    for (size_t i = 0; i < kAppNoiseBytes; ++i)
      text.push_back(static_cast<char>(line_rng_.next_byte()));
  }
  return text;
}

void Device::send_text(const std::string& text, Millis at) {
  const Bytes bytes = faults_.on_tx(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
  uart_.device_send(bytes, at);
}

void Device::add_timer(Millis at, TimerKind kind, uint32_t value) {
  timers_.push_back({at, kind, value});
}

void Device::fire_timer(Millis t) {
  auto it = std::min_element(timers_.begin(), timers_.end(),
                             [](const Timer& a, const Timer& b) { return a.time < b.time; });
  const Timer timer = *it;
  timers_.erase(it);
  // A jump, reboot, stub start or rate switch happens after the reply that announced it has
  // left the UART (the stub flushes its TX FIFO first; the ROM's reply is queued after the
  // handler asked for the switch, so the wait is decided here, not when the timer was set).
  if (uart_.tx_idle_time() > t) {
    add_timer(uart_.tx_idle_time(), timer.kind, timer.value);
    return;
  }
  switch (timer.kind) {
    case TimerKind::kStartStub:
      trace(t, "stub started");
      loader_ = std::make_unique<StubLoader>(static_cast<LoaderContext&>(*this));
      frames_.clear();
      slip_.reset();
      slip_.set_max_frame(loader_->max_frame());
      mode_ = DeviceMode::kStub;
      autobaud_armed_ = false;
      spi_.set_attached(true);  // the stub attaches the flash itself
      send_frame(kOhai, t);
      break;
    case TimerKind::kSoftwareReset:
      trace(t, "software reset");
      boot(strap_download_, ResetReason::kSoftware, t);
      break;
    case TimerKind::kRunUserCode:
      trace(t, "leaving the loader: running the app from flash");
      stop(t);
      mode_ = DeviceMode::kApp;
      send_text(spi_boot_log_with_app(), t);
      break;
    case TimerKind::kRunUnknown:
      trace(t, "jumped to code that is not a flasher stub: silent");
      stop(t);
      mode_ = DeviceMode::kApp;
      break;
    case TimerKind::kSetBaud: {
      char buf[48];
      std::snprintf(buf, sizeof(buf), "UART rate -> %u", timer.value);
      trace(t, buf);
      set_device_baud(timer.value);
      break;
    }
  }
}

// ---- receive path ----------------------------------------------------------------------------

void Device::receive_byte(const LineByte& byte) {
  const RxFault fault = faults_.on_rx_byte(byte.value);
  if (fault.disconnect) {
    trace(byte.time, "fault: link disconnected");
    link_lost_ = true;
  }
  if (fault.reset) {
    trace(byte.time, "fault: chip reset");
    boot(strap_download_, ResetReason::kSoftware, byte.time);
    return;
  }
  if (mode_ != DeviceMode::kRom && mode_ != DeviceMode::kStub) return;  // nobody listening
  if (fault.deliver) {
    uint8_t value = fault.value;
    if (!uart_.is_usb() && !rates_match(byte.baud, uart_.device_baud())) {
      if (autobaud_armed_) {
        // The ROM measures the host's bit time on its first bytes and follows it.
        set_device_baud(byte.baud);
      } else {
        value = line_rng_.next_byte();
      }
    }
    deliver(value, byte.time);
  }
  if (fault.has_garbage) deliver(fault.garbage, byte.time);
}

void Device::deliver(uint8_t value, Millis t) {
  std::optional<Bytes> frame = slip_.push(value);
  if (frame) frames_.push_back({std::move(*frame), t});
}

void Device::dispatch_frame(Millis t) {
  PendingFrame frame = std::move(frames_.front());
  frames_.pop_front();
  if (!loader_) return;
  trace(t, "host>chip " + describe_frame(frame.bytes));
  if (inject_command_error(frame.bytes, t)) return;
  cpu_free_at_ = std::max(t, loader_->handle(frame.bytes, t));
}

bool Device::inject_command_error(std::span<const uint8_t> frame, Millis t) {
  if (frame.size() < 8 || frame[0] != 0x00) return false;
  const uint8_t code = faults_.on_command(frame[1]);
  if (code == 0) return false;
  // The loader's own status layout: ROM [1, code (, 0, 0)], stub [code, 0].
  Bytes status;
  if (loader_->is_stub()) {
    status = {code, 0};
  } else {
    status.assign(chip_.rom_status_bytes, 0);
    status[0] = 1;
    status[1] = code;
  }
  trace(t, "fault: command answered with an error");
  send_frame(build_reply(frame[1], 0, {}, status), t + kCommandOverhead);
  cpu_free_at_ = t + kCommandOverhead;
  return true;
}

// ---- LoaderContext ---------------------------------------------------------------------------

void Device::send_frame(std::span<const uint8_t> payload, Millis at) {
  trace(at, "chip>host " + describe_frame(payload));
  const Bytes wire = faults_.on_tx(slip_frame(payload));
  uart_.device_send(wire, at + faults_.reply_delay_ms());
}

void Device::set_uart_baud(uint32_t baud, Millis at) {
  add_timer(at, TimerKind::kSetBaud, baud);  // fire_timer waits for queued output first
}

}  // namespace hwsim
