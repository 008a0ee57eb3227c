#include "core/cli/port_scan.h"

#include <algorithm>

#include "core/base/bytes.h"
#include "core/util/py_int.h"

namespace esptool::cli {
namespace {

// USB vendor ids (usb.ids): Espressif's USB-JTAG-Serial / USB-OTG ports come first, then the
// bridges Espressif's and most third-party boards carry: Silicon Labs CP210x, WCH CH340/CH9102,
// FTDI FT232/FT2232 (ESP-WROVER-KIT, ESP-Prog), Prolific PL2303.
constexpr uint32_t kEspressifVid = 0x303A;
constexpr uint32_t kBridgeVids[] = {0x10C4, 0x1A86, 0x0403, 0x067B};

int group(const ListedPort& p) {
  if (p.vid == kEspressifVid) return 0;
  if (p.vid && std::find(std::begin(kBridgeVids), std::end(kBridgeVids), *p.vid) != std::end(kBridgeVids)) {
    return 1;
  }
  return 2;
}

// pyserial's ListPortInfo.name: the device path's last component ("COM4" stays "COM4").
std::string port_name(const std::string& path) {
  const size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool passes(const ListedPort& p, const PortFilter& f) {
  // get_port_list: darwin's non-serial entries.
  if (ends_with(p.path, "Bluetooth-Incoming-Port") || ends_with(p.path, "wlan-debug")) return false;
  auto has = [](const std::vector<uint32_t>& list, const std::optional<uint32_t>& v) {
    return v && std::find(list.begin(), list.end(), *v) != list.end();
  };
  if (!f.vids.empty() && !has(f.vids, p.vid)) return false;
  if (!f.pids.empty() && !has(f.pids, p.pid)) return false;
  if (!f.names.empty()) {
    const std::string name = port_name(p.path);
    const bool any = std::any_of(f.names.begin(), f.names.end(),
                                 [&](const std::string& n) { return name.find(n) != std::string::npos; });
    if (!any) return false;
  }
  return true;
}

}  // namespace

Result<PortFilter> parse_port_filter(const std::vector<std::string>& args) {
  PortFilter f;
  for (const std::string& arg : args) {
    const size_t eq = arg.find('=');
    if (eq == std::string::npos || arg.find('=', eq + 1) != std::string::npos) {
      return make_error(Errc::kBadArgument, "Option --port-filter argument must consist of key=value");
    }
    const std::string key = arg.substr(0, eq), value = arg.substr(eq + 1);
    if (key == "name") {
      f.names.push_back(value);
      continue;
    }
    if (key != "vid" && key != "pid") {
      return make_error(Errc::kBadArgument, "Option --port-filter argument key not recognized");
    }
    const std::optional<int64_t> n = util::parse_auto_int(value);
    if (!n || *n < 0 || *n > 0xFFFF) {
      return make_error(Errc::kBadArgument,
                        "Option --port-filter " + key + "=" + value + ": not a USB id (0 to 0xffff)");
    }
    (key == "vid" ? f.vids : f.pids).push_back(uint32_t(*n));
  }
  return f;
}

std::vector<std::string> scan_order(const std::vector<ListedPort>& ports, const PortFilter& filter) {
  std::vector<ListedPort> kept;
  for (const ListedPort& p : ports) {
    if (passes(p, filter)) kept.push_back(p);
  }
  // sorted(ports), then tried reversed (get_default_connected_device).
  std::sort(kept.begin(), kept.end(), [](const ListedPort& a, const ListedPort& b) { return a.path > b.path; });
  std::stable_sort(kept.begin(), kept.end(),
                   [](const ListedPort& a, const ListedPort& b) { return group(a) < group(b); });
  std::vector<std::string> out;
  for (const ListedPort& p : kept) out.push_back(p.path);
  return out;
}

std::string found_ports_line(size_t count) { return strprintf("Found %zu serial ports", count); }

Error no_device_error(size_t count) {
  return make_error(Errc::kNoPort,
                    strprintf("Could not connect to an Espressif device on any of the %zu available "
                              "serial ports.",
                              count),
                    "Plug the board in, check its USB cable, or pass --port.");
}

}  // namespace esptool::cli
