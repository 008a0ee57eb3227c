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
// The app's console rate: ESP-IDF's default CONFIG_ESP_CONSOLE_UART_BAUDRATE.
constexpr uint32_t kAppBaud = 115200;
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
  HWSIM_CHECK(!options.secure_download_mode || chip_.security_info != SecurityInfoForm::kNone,
              "Secure Download Mode exists on ESP32-S2 and later only");
  if (options.usb_otg) max_data_block_ = kUsbOtgMaxBlock;
  app_print_interval_ms_ = options.app_print_interval_ms;
  if (options.app_improv) improv_ = std::make_unique<ImprovService>(options.improv);
  secure_boot_ = options.secure_boot;
  secure_download_mode_ = options.secure_download_mode;
  if (options.secure_boot)
    bus_.burn_bits(chip_.secure_boot_efuse.address, chip_.secure_boot_efuse.value);
  if (options.usb_jtag_serial) {
    reset_line_ = std::make_unique<UsbSerialJtagReset>();
  } else {
    reset_line_ = std::make_unique<AutoResetCircuit>(options.auto_reset_io0);
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

Millis Device::skip_ahead(Millis now, uint32_t max_steps) {
  advance(now);
  for (uint32_t step = 0; step < max_steps; ++step) {
    const Millis t_work = std::min({uart_.next_rx_time(), next_frame_time(), next_timer_time()});
    // Queued output: jump to when its last byte is through, unless work comes first.
    const Millis t_out = uart_.next_tx_time() == kNever || uart_.tx_idle_time() <= now_
                             ? kNever
                             : uart_.tx_idle_time();
    const Millis t = std::min(t_work, t_out);
    if (t == kNever || t >= next_real_time_event()) break;
    advance(t);
  }
  return now_;
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
  app_listens_ = false;
}

void Device::set_device_baud(uint32_t baud) {
  uart_.set_device_baud(baud);
  sysregs_.set_uart_baud(baud);
}

void Device::boot(bool download, ResetReason reason, Millis t) {
  stop(t);
  ++boots_;
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
    text += spi_boot_log_with_app(t + kRomStartDelay);
    mode_ = DeviceMode::kApp;
  }
  send_text(text, t + kRomStartDelay);
  cpu_free_at_ = t + kRomStartDelay;
}

std::string Device::spi_boot_log_with_app(Millis t) {
  bool has_app = false;
  std::string text = spi_boot_log(chip_, flash_, &has_app);
  app_listens_ = has_app && improv_ != nullptr;
  if (has_app && improv_ && app_print_interval_ms_ == 0) {
    // An Improv app talks at ESP-IDF's console rate and says so once.
    set_device_baud(kAppBaud);
    text += "I (0) app: Improv Wi-Fi serial ready\r\n";
  } else if (has_app && app_print_interval_ms_ > 0) {
    // The app runs at ESP-IDF's console rate (the ESP8266 ROM's 74880 is its own) and prints
    // its start-up line now and a status line per interval until the next reset.
    set_device_baud(kAppBaud);
    app_prints_ = 0;
    app_started_ = t;
    text += "\x1b[0;32mI (0) app: started on " + std::string(chip_.name) + ", caf\xc3\xa9 \xe2\x9c\x93\x1b[0m\r\n";
    add_timer(t + app_print_interval_ms_, TimerKind::kAppPrint);
  } else if (has_app) {
    // The application then talks at its own rate and in its own format: to a host listening
    // for the loader it is line noise (deterministic, from the seed).
    for (size_t i = 0; i < kAppNoiseBytes; ++i)
      text.push_back(static_cast<char>(line_rng_.next_byte()));
  }
  return text;
}

// ESP-IDF's log format (esp_log.h: colour, level letter, ms since boot, tag): info lines in
// green, every fifth a warning in yellow, so a console has colours to show.
std::string Device::app_line(Millis t) {
  ++app_prints_;
  const bool warn = app_prints_ % 5 == 0;
  return std::string(warn ? "\x1b[0;33mW (" : "\x1b[0;32mI (") + std::to_string(static_cast<long>(t - app_started_)) +
         ") app: tick " + std::to_string(app_prints_) + (warn ? ", heap low" : "") + "\x1b[0m\r\n";
}

Millis Device::next_real_time_event() const {
  Millis t = reset_line_->next_boot_time();
  for (const Timer& timer : timers_) {
    if (timer.kind == TimerKind::kAppPrint) t = std::min(t, timer.time);
  }
  return t;
}

void Device::send_text(const std::string& text, Millis at) {
  const Bytes bytes = faults_.on_tx(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
  uart_.device_send(over_the_line(bytes), at);
}

Bytes Device::over_the_line(Bytes bytes) {
  if (uart_.is_usb() || faults_.plan().carries(uart_.device_baud())) return bytes;
  for (uint8_t& b : bytes) b = line_rng_.next_byte();  // the max_baud fault: too fast for it
  return bytes;
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
      send_text(spi_boot_log_with_app(t), t);
      break;
    case TimerKind::kAppPrint:
      if (mode_ != DeviceMode::kApp) break;
      send_text(app_line(t), t);
      add_timer(t + app_print_interval_ms_, TimerKind::kAppPrint);
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
  if (mode_ == DeviceMode::kApp && app_listens_ && fault.deliver) {
    // The app reads its console at its own rate; bytes at another rate arrive as noise.
    const uint8_t value = uart_.is_usb() || rates_match(byte.baud, uart_.device_baud()) ? fault.value : line_rng_.next_byte();
    const Bytes answer = improv_->push(value);
    if (!answer.empty()) send_text(std::string(answer.begin(), answer.end()), byte.time);
    return;
  }
  if (mode_ != DeviceMode::kRom && mode_ != DeviceMode::kStub) return;  // nobody listening
  if (fault.deliver) {
    uint8_t value = fault.value;
    if (!uart_.is_usb() && !faults_.plan().carries(byte.baud)) {
      value = line_rng_.next_byte();
    } else if (!uart_.is_usb() && !rates_match(byte.baud, uart_.device_baud())) {
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
  uart_.device_send(over_the_line(wire), at + faults_.reply_delay_ms());
}

void Device::set_uart_baud(uint32_t baud, Millis at) {
  add_timer(at, TimerKind::kSetBaud, baud);  // fire_timer waits for queued output first
}

}  // namespace hwsim
