// Embind: the Node CLI's device-command steps (web/cli/device-command.js): plan the command from
// esptool.py arguments, scan ports, build the checked DeviceRequest. Only the full module
// (esptool-core) holds these: they need the CLI's argument tables, which the page never uses.
#include <emscripten/bind.h>

#include "core/cli/device_plan.h"
#include "core/cli/parse.h"
#include "core/cli/port_scan.h"
#include "wasm/convert.h"
#include "wasm/device_request_value.h"

namespace {

using emscripten::val;
using namespace esptool;
using namespace esptool::wasm;

val parse_or_fail(const val& args, const val& env, cli::ParsedCommand& out) {
  auto parsed = cli::parse_command_line(to_strings(args), to_string_map(env));
  if (!parsed.ok()) return fail(parsed.error());
  out = std::move(parsed).value();
  return val::undefined();
}

// The CLI's first step: {port, inputs, output, noProgress, trace, lines}; port '' = scan.
val plan_device_command(val args, val env) {
  cli::ParsedCommand cmd;
  if (val e = parse_or_fail(args, env, cmd); !e.isUndefined()) return e;
  return to_result(cli::plan_device_command(cmd), [](const cli::DevicePlan& p) {
    val v = val::object();
    v.set("port", p.port);
    v.set("inputs", to_js_strings(p.input_paths));
    v.set("output", p.output_path ? val(*p.output_path) : val::null());
    v.set("noProgress", p.no_progress);
    v.set("trace", p.trace);
    v.set("lines", to_js_strings(p.lines));
    return v;
  });
}

// Scanning (no --port): `ports` is the system's list [{path, vendorId, productId}] (ids as
// numbers or absent). {ok, value: {ports: paths to try in order, lines}}; the error when no
// port answers comes from noDeviceError(count).
val scan_ports(val args, val env, val ports) {
  cli::ParsedCommand cmd;
  if (val e = parse_or_fail(args, env, cmd); !e.isUndefined()) return e;
  auto plan = cli::plan_device_command(cmd);
  if (!plan.ok()) return fail(plan.error());
  std::vector<cli::ListedPort> listed;
  const unsigned n = ports["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const val p = ports[i];
    cli::ListedPort port{p["path"].as<std::string>(), std::nullopt, std::nullopt};
    read(p, "vendorId", port.vid);
    read(p, "productId", port.pid);
    listed.push_back(std::move(port));
  }
  const std::vector<std::string> order = cli::scan_order(listed, plan.value().port_filter);
  val v = val::object();
  v.set("ports", to_js_strings(order));
  v.set("lines", to_js_strings({cli::found_ports_line(order.size())}));
  return ok(v);
}

val no_device_error(unsigned count) { return error_object(cli::no_device_error(count)); }

// The CLI's second step: the checked request, with the files' bytes and the stub texts.
val device_request(val args, val env, val inputs, val stubs) {
  cli::ParsedCommand cmd;
  if (val e = parse_or_fail(args, env, cmd); !e.isUndefined()) return e;
  return to_result(cli::device_request(cmd, to_bytes_map(inputs), to_bytes_map(stubs)),
                   device_request_to_js);
}

}  // namespace

EMSCRIPTEN_BINDINGS(esptool_cli_device) {
  emscripten::function("planDeviceCommand", &plan_device_command);
  emscripten::function("deviceRequest", &device_request);
  emscripten::function("scanPorts", &scan_ports);
  emscripten::function("noDeviceError", &no_device_error);
}
