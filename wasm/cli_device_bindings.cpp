// Calls (wasm/c_abi.h): the Node CLI's device-command steps (web/cli/device-command.js): plan the
// command from esptool.py arguments, scan ports, build the checked DeviceRequest. Only the full
// module (esptool-core) holds these: they need the CLI's argument tables, which the page never
// uses.
#include "core/cli/device_plan.h"
#include "core/cli/parse.h"
#include "core/cli/port_scan.h"
#include "wasm/c_abi.h"
#include "wasm/device_request_json.h"

namespace esptool::wasm {
namespace {

Result<cli::ParsedCommand> parse(Call& c) {
  return cli::parse_command_line(strings(c.arg(0)), string_map(c.arg(1)));
}

// planDeviceCommand(args, env), the CLI's first step: {port, inputs, output, noProgress, trace,
// lines}; port '' = scan.
void plan_device_command(Call& c) {
  auto cmd = parse(c);
  if (!cmd.ok()) return write_status(c.out(), cmd.error());
  write_result(c.out(), cli::plan_device_command(cmd.value()),
               [](JsonWriter& w, const cli::DevicePlan& p) {
                 w.begin_object();
                 w.key("port").value(p.port);
                 write_strings(w.key("inputs"), p.input_paths);
                 w.key("output");
                 p.output_path ? w.value(*p.output_path) : w.null();
                 w.key("noProgress").value(p.no_progress);
                 w.key("trace").value(p.trace);
                 write_strings(w.key("lines"), p.lines);
                 w.end_object();
               });
}

// scanPorts(args, env, ports), when there is no --port: `ports` is the system's list [{path,
// vendorId, productId}] (ids as numbers or absent). {ok, value: {ports: paths to try in order,
// lines}}; the error when no port answers comes from noDeviceError(count).
void scan_ports(Call& c) {
  auto cmd = parse(c);
  if (!cmd.ok()) return write_status(c.out(), cmd.error());
  auto plan = cli::plan_device_command(cmd.value());
  if (!plan.ok()) return write_status(c.out(), plan.error());
  std::vector<cli::ListedPort> listed;
  const JsonValue& ports = c.arg(2);
  for (size_t i = 0; i < ports.size(); ++i) {
    cli::ListedPort port{ports[i]["path"].as_string(), std::nullopt, std::nullopt};
    read(ports[i], "vendorId", port.vid);
    read(ports[i], "productId", port.pid);
    listed.push_back(std::move(port));
  }
  const std::vector<std::string> order = cli::scan_order(listed, plan.value().port_filter);
  JsonWriter& w = c.out().begin_object().key("ok").value(true).key("value").begin_object();
  write_strings(w.key("ports"), order);
  write_strings(w.key("lines"), {cli::found_ports_line(order.size())});
  w.end_object().end_object();
}

void no_device_error(Call& c) {
  write_error(c.out(), cli::no_device_error(unsigned(c.arg(0).as_number())));
}

// deviceRequest(args, env, inputs, stubs), the CLI's second step: the checked request, with the
// files' bytes and the stub texts.
void device_request(Call& c) {
  auto cmd = parse(c);
  if (!cmd.ok()) return write_status(c.out(), cmd.error());
  const cli::InputFiles inputs = c.bytes_map(c.arg(2));
  stub::StubFiles stubs;
  for (auto& [name, bytes] : c.bytes_map(c.arg(3))) stubs[name] = std::move(bytes);
  auto request = cli::device_request(cmd.value(), inputs, std::move(stubs));
  if (!request.ok()) return write_status(c.out(), request.error());
  c.out().begin_object().key("ok").value(true).key("value");
  write_device_request(c, std::move(request).value());
  c.out().end_object();
}

const CallEntry kCalls[] = {
    {"planDeviceCommand", plan_device_command},
    {"deviceRequest", device_request},
    {"scanPorts", scan_ports},
    {"noDeviceError", no_device_error},
};
const RegisterCalls kRegistered(kCalls, std::size(kCalls));

}  // namespace
}  // namespace esptool::wasm
