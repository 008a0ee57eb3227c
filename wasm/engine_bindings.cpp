// Calls (wasm/c_abi.h): the sans-I/O engine for web/src/driver.js. A session ("session.new" ->
// handle) owns the connection state (engine::Session) and runs one device command at a time; JS
// performs the actions and reports back in the engine's calling order (core/engine/engine.h).
// web/src/c-abi.js makes the "session." calls the methods of its DeviceSession class. No
// protocol decisions here.
#include <memory>

#include "core/cli/progress_text.h"
#include "core/engine/engine.h"
#include "core/engine/session.h"
#include "core/ops/baud_fallback.h"
#include "core/ops/check_request.h"
#include "core/ops/deflate_ahead.h"
#include "core/reset/reset_sequence.h"
#include "core/util/strong_deflate.h"
#include "wasm/c_abi.h"
#include "wasm/device_request_json.h"
#include "wasm/engine_value.h"

namespace esptool::wasm {
namespace {

struct DeviceSession {
  engine::Session session;
  std::unique_ptr<engine::Engine> engine;
  cli::ProgressText progress;
};

// Live sessions by handle (index + 1); a deleted one leaves a null slot.
std::vector<std::unique_ptr<DeviceSession>> g_sessions;

// The session named by argument 0; every "session." call but "session.new" takes it first.
// Not inlined: it would be copied into each of the 17 calls.
[[gnu::noinline]] DeviceSession& session_of(Call& c) {
  const size_t handle = size_t(c.arg(0).as_number());
  ESPT_CHECK(handle >= 1 && handle <= g_sessions.size() && g_sessions[handle - 1],
             "no such session");
  return *g_sessions[handle - 1];
}
// The time argument of most methods: (handle, now, ...); feed and supply take (handle, bytes, now).
double now_arg(Call& c) { return c.arg(1).as_number(); }
[[gnu::noinline]] engine::Engine& engine_of(Call& c) {
  DeviceSession& s = session_of(c);
  ESPT_CHECK(s.engine != nullptr, "the session has not started a command");
  return *s.engine;
}

void session_new(Call& c) {
  g_sessions.push_back(std::make_unique<DeviceSession>());
  c.out().value(uint32_t(g_sessions.size()));
}

void session_delete(Call& c) {
  session_of(c);  // checks the handle
  g_sessions[size_t(c.arg(0).as_number()) - 1].reset();
}

// Checks the request (nothing is sent when it is refused), then runs the command up to its first
// action. {ok: true} | {ok: false, error}.
void start(Call& c) {
  DeviceSession& s = session_of(c);
  ops::DeviceRequest r = device_request_from_json(c, c.arg(1));
  const double now = c.arg(2).as_number();
  if (Status status = ops::check_device_request(r); !status.ok())
    return write_status(c.out(), status);
  s.engine = std::make_unique<engine::Engine>();
  s.progress = cli::ProgressText();
  // Held by a shared_ptr and moved into the command: a std::function needs a copyable callable,
  // and capturing the request itself made the module carry DeviceRequest's copy constructor.
  auto request_once = std::make_shared<ops::DeviceRequest>(std::move(r));
  engine::Engine::Op op = [request_once](engine::Link& link) {
    return ops::run_device_command(link, std::move(*request_once));
  };
  s.engine->start(std::move(op), s.session, now);
  write_status(c.out(), Status::Ok());
}

void poll_action(Call& c) {
  DeviceSession& s = session_of(c);
  if (!s.engine) return;  // null
  write_action(c, s.engine->poll_action());
}
void poll_event(Call& c) {
  DeviceSession& s = session_of(c);
  if (!s.engine) return;  // null
  write_event(c.out(), s.engine->poll_event(), s.progress);
}
void complete(Call& c) { engine_of(c).complete(now_arg(c)); }
void feed(Call& c) { engine_of(c).feed(c.bytes_arg(1), c.arg(2).as_number()); }
void timeout(Call& c) { engine_of(c).timeout(now_arg(c)); }
void interrupted(Call& c) { engine_of(c).interrupted(now_arg(c)); }
void lost(Call& c) { engine_of(c).lost(now_arg(c), c.arg(2).as_string()); }
void supply(Call& c) { engine_of(c).supply(c.bytes_arg(1), c.arg(2).as_number()); }
void unavailable(Call& c) { engine_of(c).unavailable(now_arg(c), c.arg(2).as_string()); }
void finished(Call& c) {
  DeviceSession& s = session_of(c);
  c.out().value(!s.engine || s.engine->finished());
}
void status(Call& c) {
  DeviceSession& s = session_of(c);
  write_status(c.out(), s.engine ? s.engine->status() : Status::Ok());
}
void report(Call& c) {
  DeviceSession& s = session_of(c);
  if (!s.engine) return;  // null
  write_report(c, s.engine->report());
}
// A request with hostDeflates: the inputs to compress, in order, and each one's zlib stream
// handed back (an empty one: not taken; the engine compresses that region itself when it comes).
void deflate_ahead_inputs(Call& c) {
  DeviceSession& s = session_of(c);
  c.out().begin_array();
  for (const Bytes& input : s.session.to_deflate) c.put_bytes(input);
  c.out().end_array();
}
void provide_deflated(Call& c) {
  DeviceSession& s = session_of(c);
  const unsigned index = unsigned(c.arg(1).as_number());
  c.out().value(ops::provide_deflated(s.session, index, c.bytes_arg(2)));
}

// esptool's reset strategy `name` ('classic' | 'tight' | 'hard' | 'hard_usb' | 'usb_jtag_serial')
// as the line writes a port sees from state (dtr, rts): [{dtr, rts} | {wait: ms}], for the
// RFC 2217 server, which replays them on its local port (esp_rfc2217_server's reset threads).
void reset_line_writes(Call& c) {
  const std::string& name = c.arg(0).as_string();
  const double delay_ms = c.arg(1).as_number();
  reset::Sequence seq;
  if (name == "classic") seq = reset::classic_reset(delay_ms);
  if (name == "tight") seq = reset::tight_reset(delay_ms);
  if (name == "hard") seq = reset::hard_reset(false);
  if (name == "hard_usb") seq = reset::hard_reset(true);
  if (name == "usb_jtag_serial") seq = reset::usb_jtag_serial_reset();
  JsonWriter& w = c.out().begin_array();
  const reset::Lines from{c.arg(2).as_bool(), c.arg(3).as_bool()};
  for (const reset::Step& step : reset::line_writes(seq, from)) {
    w.begin_object();
    if (const auto* l = std::get_if<reset::Lines>(&step)) {
      w.key("dtr").value(l->dtr).key("rts").value(l->rts);
    } else {
      w.key("wait").value(std::get<reset::Wait>(step).ms);
    }
    w.end_object();
  }
  w.end_array();
}

// The baud rate to open the port at for the request.
void initial_baud(Call& c) {
  c.out().value(ops::initial_baud(device_request_from_json(c, c.arg(0))));
}

// An error the JS side found (a port, an abort) as core's error object, with core's hint.
void host_error(Call& c) {
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
       "Close the other program (a serial monitor, another tab or flasher) that has the port "
       "open."},
      {"permission_denied", Errc::kPermissionDenied, "Allow access to the port and try again."},
  };
  const std::string& kind = c.arg(0).as_string();
  std::string detail = c.arg(1).as_string();
  for (const Kind& k : kKinds) {
    if (kind == k.name) return write_error(c.out(), make_error(k.code, std::move(detail), k.hint));
  }
  write_error(c.out(), make_error(Errc::kBadArgument, std::move(detail)));
}

// The zlib stream the engine sends for the input (util::strong_deflate), made on a thread of its
// own while the engine connects (DeviceRequest.host_deflates): the page's compression Worker
// (web/src/deflate-worker.js) and the Node CLI's (web/cli/deflate-worker.js).
void strong_deflate(Call& c) {
  c.put_bytes(util::strong_deflate(c.bytes_arg(0), util::DeflateEffort::kOffThread));
}

// ops::fallback_baud over the numeric code an EsptoolError carries; 0: no retry.
void fallback_baud(Call& c) {
  const auto failed = uint32_t(c.arg(0).as_number());
  c.out().value(ops::fallback_baud(failed, static_cast<Errc>(uint32_t(c.arg(1).as_number()))));
}

const CallEntry kCalls[] = {
    {"session.new", session_new},
    {"session.delete", session_delete},
    {"session.start", start},
    {"session.pollAction", poll_action},
    {"session.pollEvent", poll_event},
    {"session.complete", complete},
    {"session.feed", feed},
    {"session.timeout", timeout},
    {"session.interrupted", interrupted},
    {"session.lost", lost},
    {"session.supply", supply},
    {"session.unavailable", unavailable},
    {"session.finished", finished},
    {"session.status", status},
    {"session.report", report},
    {"session.deflateAheadInputs", deflate_ahead_inputs},
    {"session.provideDeflated", provide_deflated},
    {"resetLineWrites", reset_line_writes},
    {"initialBaud", initial_baud},
    {"hostError", host_error},
    {"fallbackBaud", fallback_baud},
    {"strongDeflate", strong_deflate},
};
const RegisterCalls kRegistered(kCalls, std::size(kCalls));

}  // namespace
}  // namespace esptool::wasm
