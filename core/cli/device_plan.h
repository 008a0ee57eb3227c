// esptool.py v4.8.1 device command lines -> ops::DeviceRequest. Two steps, because reading files
// is the caller's: plan_device_command() says which port, which files to read and where the
// result goes; device_request() builds the request once the files are read and checks it
// (ops::check_device_request) before the port is opened.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/cli/parse.h"
#include "core/cli/port_scan.h"
#include "core/cli/run_offline.h"
#include "core/ops/device_command.h"
#include "core/stub/stub_binary.h"

namespace esptool::cli {

struct DevicePlan {
  std::string port;                        // --port as given: a device path, COM4, socket://,
                                           // rfc2217://; empty: scan (port_scan.h)
  PortFilter port_filter;                  // --port-filter, used when scanning
  std::vector<std::string> input_paths;    // files to read (write_flash/verify_flash, load_ram)
  std::optional<std::string> output_path;  // read_flash / dump_mem: where report data goes
  bool no_progress = false;                // --no-progress: print no progress lines
  bool trace = false;                      // --trace: also print what the device printed
  std::vector<std::string> lines;          // printed after the banner, before connecting
};

// The plan for a parsed device command. Errors (kBadArgument, one line): a malformed
// --port-filter, an option esptool-wasm does not implement (--encrypt, read_flash_sfdp, ...), a
// number out of 32 bits.
Result<DevicePlan> plan_device_command(const ParsedCommand& cmd);

// The request for a parsed device command, `inputs` holding every plan path's bytes (missing
// ones are reported by name) and `stubs` the flasher stub JSON texts by file name. The result
// has passed ops::check_device_request.
Result<ops::DeviceRequest> device_request(const ParsedCommand& cmd, const InputFiles& inputs,
                                          stub::StubFiles stubs);

}  // namespace esptool::cli
