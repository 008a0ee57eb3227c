// Embind: the sans-I/O engine for web/src/driver.js. A DeviceSession owns the connection state
// (engine::Session) and runs one device command at a time; JS performs the actions and reports
// back in the engine's calling order (core/engine/engine.h). No protocol decisions here.
#include <emscripten/bind.h>

#include <memory>

#include "core/cli/progress_text.h"
#include "core/engine/engine.h"
#include "core/engine/session.h"
#include "core/ops/baud_fallback.h"
#include "core/ops/check_request.h"
#include "core/ops/deflate_ahead.h"
#include "core/reset/reset_sequence.h"
#include "core/util/strong_deflate.h"
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
    // Held by a shared_ptr and moved into the command: a std::function needs a copyable
    // callable, and capturing the request itself made the module carry DeviceRequest's copy
    // constructor, inlined into this function (14 KB of the page's first wasm half).
    auto request_once = std::make_shared<ops::DeviceRequest>(std::move(r));
    engine::Engine::Op op = [request_once](engine::Link& link) {
      return ops::run_device_command(link, std::move(*request_once));
    };
    engine_->start(std::move(op), session_, now);
    return ok(val::undefined());
  }
  val poll_action() { return engine_ ? action_to_js(engine_->poll_action()) : val::null(); }
  val poll_event() { return engine_ ? event_to_js(engine_->poll_event(), progress_) : val::null(); }
  void complete(double now) { engine_->complete(now); }
  void feed(val bytes, double now) { engine_->feed(to_bytes(bytes), now); }
  void timeout(double now) { engine_->timeout(now); }
  void interrupted(double now) { engine_->interrupted(now); }
  void lost(double now, std::string reason) { engine_->lost(now, std::move(reason)); }
  void supply(val bytes, double now) { engine_->supply(to_bytes(bytes), now); }
  void unavailable(double now, std::string reason) { engine_->unavailable(now, std::move(reason)); }
  bool finished() const { return !engine_ || engine_->finished(); }
  val status() const {
    if (!engine_) return ok(val::undefined());
    const Status& s = engine_->status();
    return s.ok() ? ok(val::undefined()) : fail(s.error());
  }
  val report() const { return engine_ ? report_to_js(engine_->report()) : val::null(); }
  // A request with hostDeflates: the inputs to compress, in order, and each one's zlib stream
  // handed back (false: not taken; the engine compresses that region itself when it comes).
  val deflate_ahead_inputs() const {
    val out = val::array();
    for (const Bytes& input : session_.to_deflate) out.call<void>("push", to_uint8array(input));
    return out;
  }
  bool provide_deflated(unsigned index, val stream) {
    return ops::provide_deflated(session_, index, to_bytes(stream));
  }

 private:
  engine::Session session_;
  std::unique_ptr<engine::Engine> engine_;
  cli::ProgressText progress_;
};

// esptool's reset strategy `name` ('classic' | 'tight' | 'hard' | 'hard_usb' | 'usb_jtag_serial')
// as the line writes a port sees from state (dtr, rts): [{dtr, rts} | {wait: ms}], for the
// RFC 2217 server, which replays them on its local port (esp_rfc2217_server's reset threads).
val reset_line_writes(std::string name, double delay_ms, bool dtr, bool rts) {
  reset::Sequence seq;
  if (name == "classic") seq = reset::classic_reset(delay_ms);
  if (name == "tight") seq = reset::tight_reset(delay_ms);
  if (name == "hard") seq = reset::hard_reset(false);
  if (name == "hard_usb") seq = reset::hard_reset(true);
  if (name == "usb_jtag_serial") seq = reset::usb_jtag_serial_reset();
  val out = val::array();
  for (const reset::Step& step : reset::line_writes(seq, reset::Lines{dtr, rts})) {
    val v = val::object();
    if (const auto* l = std::get_if<reset::Lines>(&step)) {
      v.set("dtr", l->dtr);
      v.set("rts", l->rts);
    } else {
      v.set("wait", std::get<reset::Wait>(step).ms);
    }
    out.call<void>("push", v);
  }
  return out;
}

// The baud rate to open the port at for `request`.
uint32_t initial_baud(val request) { return ops::initial_baud(device_request_from_js(request)); }

// Errors the driver raises itself (the port closed, the caller aborted), in core's numbering.
// An error the JS side found (a port, an abort) as core's error object, with core's hint.
val host_error(std::string kind, std::string detail) {
  struct Kind {
    const char* name;
    Errc code;
    const char* hint;
  };
  static const Kind kKinds[] = {
      {"cancelled", Errc::kCancelled, ""},
      {"port_lost", Errc::kPortLost, "Check the connection (cable, server) and try again."},
      {"no_port", Errc::kNoPort, "Plug the board in and choose its port."},
      {"port_busy", Errc::kPortBusy,
       "Close the other program (a serial monitor, another tab or flasher) that has the port open."},
      {"permission_denied", Errc::kPermissionDenied, "Allow access to the port and try again."},
  };
  for (const Kind& k : kKinds) {
    if (kind == k.name) return error_object(make_error(k.code, std::move(detail), k.hint));
  }
  return error_object(make_error(Errc::kBadArgument, std::move(detail)));
}

// The zlib stream the engine sends for `input` (util::strong_deflate), made on a thread of its own
// while the engine connects (DeviceRequest.host_deflates): the page's compression Worker
// (web/src/deflate-worker.js) and the Node CLI's (web/cli/deflate-worker.js).
val strong_deflate(val input) {
  return to_uint8array(util::strong_deflate(to_bytes(input), util::DeflateEffort::kOffThread));
}

// ops::fallback_baud over the numeric code an EsptoolError carries; 0: no retry.
uint32_t fallback_baud_for(uint32_t failed_baud, uint32_t code) {
  return ops::fallback_baud(failed_baud, static_cast<Errc>(code));
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
      .function("interrupted", &DeviceSession::interrupted)
      .function("lost", &DeviceSession::lost)
      .function("supply", &DeviceSession::supply)
      .function("unavailable", &DeviceSession::unavailable)
      .function("finished", &DeviceSession::finished)
      .function("status", &DeviceSession::status)
      .function("report", &DeviceSession::report)
      .function("deflateAheadInputs", &DeviceSession::deflate_ahead_inputs)
      .function("provideDeflated", &DeviceSession::provide_deflated);
  emscripten::function("resetLineWrites", &reset_line_writes);
  emscripten::function("initialBaud", &initial_baud);
  emscripten::function("hostError", &host_error);
  emscripten::function("fallbackBaud", &fallback_baud_for);
  emscripten::function("strongDeflate", &strong_deflate);
}
