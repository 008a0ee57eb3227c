// Runs an engine operation against an in-process hw-sim Device in virtual time: no threads, no
// sleeps, deterministic. On Read it jumps to the earlier of the deadline and the device's next
// event; on Sleep it adds the duration. Steps are capped so a livelock fails fast (quinn's
// drive_bounded). A trace of actions and device events is kept for failure reports.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/engine/engine.h"
#include "core/engine/session.h"
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

 private:
  void perform_read(engine::Engine& engine, engine::Millis deadline, SimRun& run);

  hwsim::Device& device_;
  engine::Millis now_ = 0;
  engine::Millis batch_ms_ = 1.0;
  bool tracing_ = false;
  std::vector<std::string> trace_;
};

}  // namespace esptool::testing
