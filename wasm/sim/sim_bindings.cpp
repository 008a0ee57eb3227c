// Embind: hw-sim's Device for the virtual serial port (web/src/virtual/). Includes hw-sim only,
// never core/ (design.md, principle 2). Options arrive as a plain object; the one check that
// needs the chip table (which consoles a chip has) happens here, before Device asserts on it.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "hw-sim/chips/chip_model.h"
#include "hw-sim/device.h"
#include "hw-sim/fault/fault_plan.h"

namespace {

using emscripten::val;

hwsim::Bytes to_bytes(const val& u8) {
  if (u8.isUndefined() || u8.isNull()) return {};
  return emscripten::convertJSArrayToNumberVector<uint8_t>(u8);
}

// A fresh copy: a view into wasm memory would die when the memory grows.
val to_uint8array(const hwsim::Bytes& bytes) {
  return val(emscripten::typed_memory_view(bytes.size(), bytes.data())).call<val>("slice");
}

template <typename T>
T get(const val& o, const char* key, T fallback) {
  const val v = o[key];
  return v.isUndefined() || v.isNull() ? fallback : v.as<T>();
}

std::string chip_list() {
  std::string list;
  for (const hwsim::ChipModel* chip : hwsim::all_chips())
    list += (list.empty() ? "" : ", ") + std::string(chip->key);
  return list;
}

// The consoles a board with this chip can expose (DeviceOptions: UART bridge, USB-Serial-JTAG,
// USB-OTG CDC-ACM).
val consoles(const hwsim::ChipModel& chip) {
  val out = val::array();
  out.call<void>("push", std::string("uart"));
  if (chip.uart_no_usb_jtag != 0) out.call<void>("push", std::string("usb-jtag-serial"));
  if (chip.uart_no_usb_otg != 0) out.call<void>("push", std::string("usb-otg"));
  return out;
}

// [{key, name, consoles}] in hw-sim's table order.
val chips() {
  val out = val::array();
  for (const hwsim::ChipModel* chip : hwsim::all_chips()) {
    val row = val::object();
    row.set("key", std::string(chip->key));
    row.set("name", std::string(chip->name));
    row.set("consoles", consoles(*chip));
    out.call<void>("push", row);
  }
  return out;
}

const char* mode_name(hwsim::DeviceMode mode) {
  switch (mode) {
    case hwsim::DeviceMode::kInReset: return "reset";
    case hwsim::DeviceMode::kRom: return "rom";
    case hwsim::DeviceMode::kStub: return "stub";
    case hwsim::DeviceMode::kApp: return "app";
  }
  return "reset";
}

// One simulated board. Construct, then check error(): "" when the device exists, otherwise one
// sentence naming the bad option (and every other call is a no-op).
class SimDevice {
 public:
  // o: {chip, flashSize (bytes, power of two >= 64 KiB), console, faults, seed, secureBoot,
  //     secureDownloadMode, flash,
  //     appPrintMs, noBootWiring, improv: {firmware, version, chipVariant, deviceName, ssid, password, url}}
  explicit SimDevice(val o) {
    const std::string key = get<std::string>(o, "chip", "esp32");
    const std::string console = get<std::string>(o, "console", "uart");
    const std::string spec = get<std::string>(o, "faults", "");
    hwsim::DeviceOptions options;
    options.chip = hwsim::find_chip(key);
    options.flash_size = get<uint32_t>(o, "flashSize", options.flash_size);
    options.seed = seed_ = static_cast<uint64_t>(get<double>(o, "seed", 1.0));
    options.secure_boot = get<bool>(o, "secureBoot", false);
    options.secure_download_mode = get<bool>(o, "secureDownloadMode", false);
    options.usb_jtag_serial = console == "usb-jtag-serial";
    options.usb_otg = console == "usb-otg";
    options.initial_flash = to_bytes(o["flash"]);
    options.power_on_download = false;  // plugged in: boots from flash until the host resets it
    options.auto_reset_io0 = !get<bool>(o, "noBootWiring", false);
    options.app_print_interval_ms = get<double>(o, "appPrintMs", 0.0);
    const val improv = o["improv"];
    options.app_improv = !improv.isUndefined() && !improv.isNull();
    if (options.app_improv) {
      hwsim::ImprovConfig& c = options.improv;
      c.firmware = get<std::string>(improv, "firmware", c.firmware);
      c.version = get<std::string>(improv, "version", c.version);
      c.chip_variant = get<std::string>(improv, "chipVariant", key);
      c.device_name = get<std::string>(improv, "deviceName", c.device_name);
      c.ssid = get<std::string>(improv, "ssid", c.ssid);
      c.password = get<std::string>(improv, "password", c.password);
      c.provisioned_url = get<std::string>(improv, "url", c.provisioned_url);
    }
    const uint32_t size = options.flash_size;
    if (!options.chip) {
      error_ = "Unknown chip '" + key + "' (simulated: " + chip_list() + ").";
    } else if (size < 0x10000 || (size & (size - 1)) != 0) {
      error_ = "The flash size must be a power of two of at least 64 KiB (got " +
               std::to_string(size) + " bytes).";
    } else if (console != "uart" && !consoles(*options.chip).call<bool>("includes", console)) {
      error_ = "The " + key + " has no '" + console + "' console.";
    } else if (options.secure_boot && options.chip->secure_boot_efuse.value == 0) {
      error_ = "The Secure Boot eFuse is not modelled for the " + key + ".";
    } else if (options.secure_download_mode &&
               options.chip->security_info == hwsim::SecurityInfoForm::kNone) {
      error_ = "The " + key + " has no Secure Download Mode (ESP32-S2 and later do).";
    } else if (options.initial_flash.size() > size) {
      error_ = "The initial flash contents (" + std::to_string(options.initial_flash.size()) +
               " bytes) are larger than the flash (" + std::to_string(size) + " bytes).";
    } else if (!parse_faults(spec, &options.faults)) {
      // error_ set by parse_faults
    } else {
      device_ = std::make_unique<hwsim::Device>(options);
    }
  }

  std::string error() const { return error_; }

  void host_write(val bytes, double now) { device_->host_write(to_bytes(bytes), now); }
  void set_signals(bool dtr, bool rts, double now) { device_->set_signals(dtr, rts, now); }
  void set_baud(uint32_t baud, double now) { device_->set_baud(baud, now); }
  val take_output(double now) { return to_uint8array(device_->take_output(now)); }
  double skip_ahead(double now, uint32_t max_steps) { return device_->skip_ahead(now, max_steps); }
  double next_event_time() const { return device_->next_event_time(); }
  // When the next event due in real time happens (a boot after reset, the app's next print).
  double next_boot_time() const { return device_->next_real_time_event(); }
  void power_cycle(bool download, double now) { device_->power_cycle(download, now); }
  void discard_input(double now) { device_->discard_input(now); }
  bool take_link_lost() {
    const bool lost = device_->link_lost();
    device_->clear_link_lost();
    return lost;
  }
  std::string mode() const { return mode_name(device_->mode()); }
  uint32_t boots() const { return device_->boots(); }
  uint32_t flash_size() const { return device_->flash().size(); }

  // "" when applied; otherwise hw-sim's sentence and the old plan stays.
  std::string set_faults(const std::string& spec) {
    hwsim::FaultPlan plan;
    if (!parse_faults(spec, &plan)) return error_;
    device_->set_faults(plan, seed_);
    return "";
  }

  // The NOR flash as it is now; null when the range is outside the flash.
  val read_flash(double offset, double length) const {
    const double size = device_->flash().size();
    if (offset < 0 || length < 0 || offset + length > size) return val::null();
    return to_uint8array(
        device_->flash().read(static_cast<uint32_t>(offset), static_cast<uint32_t>(length)));
  }

 private:
  bool parse_faults(const std::string& spec, hwsim::FaultPlan* plan) {
    std::string why;
    const auto parsed = hwsim::parse_fault_plan(spec, &why);
    if (!parsed) {
      error_ = "Bad fault plan: " + why;
      return false;
    }
    *plan = *parsed;
    return true;
  }

  std::unique_ptr<hwsim::Device> device_;
  std::string error_;
  uint64_t seed_ = 1;
};

}  // namespace

EMSCRIPTEN_BINDINGS(hwsim_device) {
  emscripten::function("chips", &chips);
  emscripten::class_<SimDevice>("SimDevice")
      .constructor<val>()
      .function("error", &SimDevice::error)
      .function("hostWrite", &SimDevice::host_write)
      .function("setSignals", &SimDevice::set_signals)
      .function("setBaud", &SimDevice::set_baud)
      .function("takeOutput", &SimDevice::take_output)
      .function("skipAhead", &SimDevice::skip_ahead)
      .function("nextEventTime", &SimDevice::next_event_time)
      .function("nextBootTime", &SimDevice::next_boot_time)
      .function("powerCycle", &SimDevice::power_cycle)
      .function("discardInput", &SimDevice::discard_input)
      .function("takeLinkLost", &SimDevice::take_link_lost)
      .function("mode", &SimDevice::mode)
      .function("boots", &SimDevice::boots)
      .function("flashSize", &SimDevice::flash_size)
      .function("setFaults", &SimDevice::set_faults)
      .function("readFlash", &SimDevice::read_flash);
}
