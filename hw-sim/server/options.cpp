// Command-line parsing for the hw-sim server.
#include "hw-sim/server/options.h"

#include <strings.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "hw-sim/chips/chip_model.h"

namespace hwsim::server {
namespace {

constexpr const char* kUsage =
    "usage: hw-sim --chip CHIP --port N --protocol rfc2217|raw [--flash-size 4MB]\n"
    "              [--baud-pacing on|off] [--faults SPEC] [--seed N] [--flash-file F]\n"
    "              [--usb-jtag-serial | --usb-otg] [--secure-boot] [--secure-download-mode]\n"
    "              [--reset-bridge on|off] [-v]\n"
    "faults SPEC: comma-separated flip=P,drop=P,garbage=P,delay_ms=N,reset_at=N,disconnect_at=N,\n"
    "             drop_byte=N,flip_byte=N,error=OP:CODE:K";

std::optional<bool> on_off(const std::string& v) {
  if (v == "on") return true;
  if (v == "off") return false;
  return std::nullopt;
}

std::optional<uint64_t> number(const std::string& v) {
  if (v.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const unsigned long long n = std::strtoull(v.c_str(), &end, 0);
  if (errno != 0 || *end != '\0') return std::nullopt;
  return n;
}

std::string chip_list() {
  std::string list;
  for (const ChipModel* chip : all_chips())
    list += (list.empty() ? "" : ", ") + std::string(chip->key);
  return list;
}

}  // namespace

std::optional<uint32_t> parse_size(const std::string& text) {
  std::string digits = text;
  uint64_t unit = 1;
  auto strip = [&digits](const char* suffix) {
    const size_t n = std::strlen(suffix);
    if (digits.size() > n && strcasecmp(digits.c_str() + digits.size() - n, suffix) == 0) {
      digits.resize(digits.size() - n);
      return true;
    }
    return false;
  };
  if (strip("MB") || strip("M"))
    unit = 1024 * 1024;
  else if (strip("KB") || strip("K"))
    unit = 1024;
  const std::optional<uint64_t> n = number(digits);
  if (!n || *n * unit > 0x80000000ull || *n == 0) return std::nullopt;
  return static_cast<uint32_t>(*n * unit);
}

std::optional<ServerOptions> parse_options(int argc, char** argv, std::string* error) {
  ServerOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      *error = kUsage;
      return std::nullopt;
    }
    if (arg == "-v" || arg == "--verbose") {
      options.verbose = true;
      continue;
    }
    if (arg == "--usb-jtag-serial") {
      options.usb_jtag_serial = true;
      continue;
    }
    if (arg == "--usb-otg") {
      options.usb_otg = true;
      continue;
    }
    if (arg == "--secure-boot") {
      options.secure_boot = true;
      continue;
    }
    if (arg == "--secure-download-mode") {
      options.secure_download_mode = true;
      continue;
    }
    if (i + 1 >= argc) {
      *error = "option " + arg + " needs a value\n" + kUsage;
      return std::nullopt;
    }
    const std::string value = argv[++i];
    bool ok = true;
    if (arg == "--chip") {
      options.chip = value;
      ok = find_chip(value) != nullptr;
      if (!ok) {
        *error = "unknown chip '" + value + "' (simulated: " + chip_list() + ")";
        return std::nullopt;
      }
    } else if (arg == "--port") {
      const auto n = number(value);
      ok = n && *n <= 65535;
      if (ok) options.port = static_cast<uint16_t>(*n);
    } else if (arg == "--protocol") {
      ok = value == "raw" || value == "rfc2217";
      options.protocol = value == "raw" ? Protocol::kRaw : Protocol::kRfc2217;
    } else if (arg == "--flash-size") {
      const auto size = parse_size(value);
      ok = size && *size >= 0x10000 && (*size & (*size - 1)) == 0;
      if (ok) options.flash_size = *size;
    } else if (arg == "--baud-pacing") {
      const auto v = on_off(value);
      ok = v.has_value();
      options.baud_pacing = v.value_or(false);
    } else if (arg == "--reset-bridge") {
      options.reset_bridge = on_off(value);
      ok = options.reset_bridge.has_value();
    } else if (arg == "--faults") {
      std::string why;
      const auto plan = parse_fault_plan(value, &why);
      if (!plan) {
        *error = "--faults: " + why;
        return std::nullopt;
      }
      options.faults = *plan;
    } else if (arg == "--seed") {
      const auto n = number(value);
      ok = n.has_value();
      options.seed = n.value_or(1);
    } else if (arg == "--flash-file") {
      options.flash_file = value;
    } else {
      *error = "unknown option " + arg + "\n" + kUsage;
      return std::nullopt;
    }
    if (!ok) {
      *error = "bad value '" + value + "' for " + arg + "\n" + kUsage;
      return std::nullopt;
    }
  }
  const ChipModel* chip = find_chip(options.chip);
  if (options.usb_otg && options.usb_jtag_serial) {
    *error = "--usb-otg and --usb-jtag-serial are two different consoles: choose one";
    return std::nullopt;
  }
  if (options.usb_otg && chip->uart_no_usb_otg == 0) {
    *error = "--usb-otg: " + options.chip + " has no USB-OTG console (esp32s2, esp32s3 do)";
    return std::nullopt;
  }
  if (options.secure_boot && chip->secure_boot_efuse.value == 0) {
    *error = "--secure-boot: the Secure Boot eFuse is not modelled for " + options.chip;
    return std::nullopt;
  }
  if (options.secure_download_mode && chip->security_info == SecurityInfoForm::kNone) {
    *error = "--secure-download-mode: " + options.chip +
             " has no Secure Download Mode (ESP32-S2 and later do)";
    return std::nullopt;
  }
  return options;
}

}  // namespace hwsim::server
