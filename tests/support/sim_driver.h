// Runs an engine operation against an in-process hw-sim Device in virtual time: no threads, no
// sleeps, deterministic. On Read it jumps to the earlier of the deadline and the device's next
// event; on Sleep it adds the duration. Steps are capped so a livelock fails fast (quinn's
// drive_bounded). A trace of actions and device events is kept for failure reports.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/engine.h"
#include "core/engine/session.h"
#include "core/stub/stub_binary.h"
#include "hw-sim/device.h"

namespace esptool::testing {

// When a log line was taken from the engine, and the bytes moved each way by then; the bench
// splits a command into phases (connect, write, verify) at its log lines.
struct LogStamp {
  engine::Millis ms = 0;
  uint64_t bytes_to_device = 0;
  uint64_t bytes_from_device = 0;
};

struct SimRun {
  Status status;
  engine::Report report;
  std::vector<std::string> logs;              // Log events, in order
  std::vector<LogStamp> log_stamps;           // one per log line
  std::vector<engine::Progress> progress;     // Progress events, in order
  engine::Millis start_ms = 0;
  engine::Millis end_ms = 0;                  // virtual time when the operation finished
  uint64_t steps = 0;
  uint64_t bytes_to_device = 0;
  uint64_t bytes_from_device = 0;
  bool step_cap_hit = false;  // stopped at max_steps (livelock?): status is an internal error
};

// A cable pulled when the device drops the link (the disconnect_at fault) and, as the JS PortIo
// does with re-acquire on, looked for again: the pending read is answered interrupted(); later
// writes, line and baud changes wait until the board is back (`back_after_ms` later, powered up
// booting from flash, the port reopened at the host's rate), line changes the engine asked for
// before it heard of the loss are dropped; past `grace_ms` without it every action is lost().
struct Replug {
  engine::Millis back_after_ms = -1;  // < 0: never comes back
  engine::Millis grace_ms = 10000;
};

class SimDriver {
 public:
  explicit SimDriver(hwsim::Device& device) : device_(device) {}

  // Runs `op` to completion (or until `max_steps`), continuing the virtual clock from the last run.
  // When the device drops the link (disconnect_at fault) the run stops with Errc::kPortLost, as
  // the Node and browser drivers abort the engine when their port closes.
  SimRun run(engine::Engine::Op op, engine::Session& session, uint64_t max_steps = 50'000'000);

  engine::Millis now() const { return now_; }
  // Delivered output is batched per read: bytes completing within this window of the first one
  // arrive together, as a USB-serial driver would hand them over.
  void set_read_batch_ms(engine::Millis ms) { batch_ms_ = ms; }
  const std::vector<std::string>& trace() const { return trace_; }
  void enable_trace(bool on) { tracing_ = on; }
  // Unplugs (at the disconnect_at fault) are re-acquired as `replug` says, instead of ending
  // the run with kPortLost.
  void set_replug(std::optional<Replug> replug) { replug_ = replug; }
  // Serves engine::LoadStub from `files` (by name; a name not there is answered as not shipped),
  // as the page's driver fetches them; without it a LoadStub is answered unavailable.
  void serve_stubs(stub::StubFiles files) { stub_files_ = std::move(files); }
  // The stub files asked for so far, in order.
  const std::vector<std::string>& stub_requests() const { return stub_requests_; }

 private:
  void perform_read(engine::Engine& engine, engine::Millis deadline, SimRun& run);
  // Replug mode: a new unplug, and the action while the board is away. Returns true when the
  // action was answered here.
  void unplug();
  bool answer_while_away(engine::Engine& engine, const engine::Action& action);

  hwsim::Device& device_;
  engine::Millis now_ = 0;
  engine::Millis batch_ms_ = 1.0;
  bool tracing_ = false;
  std::vector<std::string> trace_;
  std::optional<Replug> replug_;
  uint32_t host_baud_ = 115200;
  bool away_ = false;
  bool loss_unreported_ = false;
  bool gone_ = false;  // past the grace period: every action is lost()
  std::optional<stub::StubFiles> stub_files_;
  std::vector<std::string> stub_requests_;
  engine::Millis back_at_ = 0;
  engine::Millis give_up_at_ = 0;
};

}  // namespace esptool::testing
