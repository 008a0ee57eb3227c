// Port scanning for a device command without --port (esptool/__init__.py@v4.8.1 get_port_list,
// get_default_connected_device): --port-filter parsing, filtering and the order ports are tried
// in, and the lines printed around it. Listing the ports and opening them is the caller's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace esptool::cli {

// One entry of the system's serial port list.
struct ListedPort {
  std::string path;  // /dev/ttyUSB0, /dev/cu.usbserial-1410, COM4
  std::optional<uint32_t> vid;
  std::optional<uint32_t> pid;
};

// --port-filter vid=NUMBER / pid=NUMBER / name=SUBSTRING, each repeatable.
struct PortFilter {
  std::vector<uint32_t> vids;
  std::vector<uint32_t> pids;
  std::vector<std::string> names;
};

// esptool's messages for a malformed filter ("must consist of key=value", "key not
// recognized"); NUMBER is Python's int(x, 0).
Result<PortFilter> parse_port_filter(const std::vector<std::string>& args);

// The ports to try, in order: those passing the filter (a vid/pid filter drops ports without a
// USB id, a name filter matches the path's last component as pyserial's ListPortInfo.name),
// macOS's Bluetooth-Incoming-Port and wlan-debug left out as esptool does. esptool tries them
// in reverse sorted order; we keep that order within three groups tried in turn: Espressif's
// own USB ports, the USB-serial bridges dev boards carry, then the rest.
std::vector<std::string> scan_order(const std::vector<ListedPort>& ports, const PortFilter& filter);

// "Found N serial ports".
std::string found_ports_line(size_t count);
// The error when no port answered (also when there was none to try).
Error no_device_error(size_t count);

}  // namespace esptool::cli
