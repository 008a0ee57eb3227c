// Embind: the sans-I/O engine for web/src/driver.js. A DeviceSession owns the connection state
// (engine::Session) and runs one device command at a time; JS performs the actions and reports
// back in the engine's calling order (core/engine/engine.h). No protocol decisions here.
#include <emscripten/bind.h>

#include <memory>

#include "core/cli/device_plan.h"
#include "core/cli/progress_text.h"
#include "core/engine/engine.h"
#include "core/engine/session.h"
#include "core/ops/check_request.h"
#include "wasm/convert.h"
#include "wasm/device_request_value.h"
#include "wasm/engine_value.h"

namespace {

using emscripten::val;
using namespace esptool;
using namespace esptool::wasm;

class DeviceSession {
 public:
  // Checks the request (nothing is sent when it is refused), then runs the command up to its
  // first action. {ok:true} | {ok:false, error}.
  val start(val request, double now) {
    ops::DeviceRequest r = device_request_from_js(request);
    if (Status s = ops::check_device_request(r); !s.ok()) return fail(s.error());
    engine_ = std::make_unique<engine::Engine>();
    progress_ = cli::ProgressText();
    engine::Engine::Op op = [r = std::move(r)](engine::Link& link) {
      return ops::run_device_command(link, r);
    };
    engine_->start(std::move(op), session_, now);
    return ok(val::undefined());
  }
  val poll_action() { return engine_ ? action_to_js(engine_->poll_action()) : val::null(); }
  val poll_event() { return engine_ ? event_to_js(engine_->poll_event(), progress_) : val::null(); }
  void complete(double now) { engine_->complete(now); }
  void feed(val bytes, double now) { engine_->feed(to_bytes(bytes), now); }
  void timeout(double now) { engine_->timeout(now); }
  bool finished() const { return !engine_ || engine_->finished(); }
  val status() const {
    if (!engine_) return ok(val::undefined());
    const Status& s = engine_->status();
    return s.ok() ? ok(val::undefined()) : fail(s.error());
  }
  val report() const { return engine_ ? report_to_js(engine_->report()) : val::null(); }

 private:
  engine::Session session_;
  std::unique_ptr<engine::Engine> engine_;
  cli::ProgressText progress_;
};

val parse_or_fail(const val& args, const val& env, cli::ParsedCommand& out) {
  auto parsed = cli::parse_command_line(to_strings(args), to_string_map(env));
  if (!parsed.ok()) return fail(parsed.error());
  out = std::move(parsed).value();
  return val::undefined();
}

// The CLI's first step: {port, inputs, output, noProgress, lines}.
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

// The CLI's second step: the checked request, with the files' bytes and the stub texts.
val device_request(val args, val env, val inputs, val stubs) {
  cli::ParsedCommand cmd;
  if (val e = parse_or_fail(args, env, cmd); !e.isUndefined()) return e;
  return to_result(cli::device_request(cmd, to_bytes_map(inputs), to_string_map(stubs)),
                   device_request_to_js);
}

// The baud rate to open the port at for `request`.
uint32_t initial_baud(val request) { return ops::initial_baud(device_request_from_js(request)); }

// Errors the driver raises itself (the port closed, the caller aborted), in core's numbering.
val host_error(std::string kind, std::string detail) {
  const Errc code = kind == "cancelled" ? Errc::kCancelled
                    : kind == "port_lost" ? Errc::kPortLost
                                          : Errc::kBadArgument;
  const char* hint = code == Errc::kPortLost
                         ? "Check the connection (cable, server) and try again."
                         : "";
  return error_object(make_error(code, std::move(detail), hint));
}

}  // namespace

EMSCRIPTEN_BINDINGS(esptool_engine) {
  emscripten::class_<DeviceSession>("DeviceSession")
      .constructor<>()
      .function("start", &DeviceSession::start)
      .function("pollAction", &DeviceSession::poll_action)
      .function("pollEvent", &DeviceSession::poll_event)
      .function("complete", &DeviceSession::complete)
      .function("feed", &DeviceSession::feed)
      .function("timeout", &DeviceSession::timeout)
      .function("finished", &DeviceSession::finished)
      .function("status", &DeviceSession::status)
      .function("report", &DeviceSession::report);
  emscripten::function("planDeviceCommand", &plan_device_command);
  emscripten::function("deviceRequest", &device_request);
  emscripten::function("initialBaud", &initial_baud);
  emscripten::function("hostError", &host_error);
}
