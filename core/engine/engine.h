// The sans-I/O engine (design.md principle 1, style.md §2).
//
// Theory of operation: an operation is a coroutine (Task<Status>) over a Link. When it needs the
// outside world it suspends on an action awaiter, which parks the action in the engine. The
// driver loop is:
//   engine.start(op, session);
//   while (!engine.finished()) {
//     drain poll_event();
//     auto action = engine.poll_action();   // exactly one pending after start/each input
//     perform it, then report back: complete(now) | feed(bytes, now) | timeout(now)
//                                   | interrupted(now) (a read) | lost(now, reason) (any)
//                                   | supply(bytes, now) | unavailable(now, reason) (LoadStub)
//   }
//   drain poll_event(); engine.status(); engine.report();
// A port that goes away mid-command is reported, not hidden: interrupted() when the driver looks
// for it again (later actions wait for it there), lost() once it is gone for good; after lost()
// the driver answers every further action with lost() too, and the operation ends with
// Errc::kPortLost. What to do about an interruption (resume, give up) is the operation's call.
// Each input resumes the coroutine, which runs until its next action or its end. Nothing blocks,
// nothing sleeps, no clock is read: `now` arrives with every input. Destroying the engine
// destroys the coroutine frames, which cancels the operation.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "core/base/result.h"
#include "core/engine/action.h"
#include "core/engine/facts.h"
#include "core/engine/task.h"

namespace esptool::engine {

class Link;
struct Session;

// What an operation hands back besides its status: facts for printing/JS, bytes (read_flash).
struct Report {
  Facts facts;
  Bytes data;
};

// The answer to an action, as the awaiting coroutine sees it.
struct Input {
  enum class Kind { kCompleted, kData, kTimeout, kInterrupted, kLost, kUnavailable } kind = Kind::kCompleted;
  Bytes data;
  // kLost: why the port is gone ("the device was unplugged ..."); kUnavailable: why a LoadStub
  // could not be served.
  std::string reason;
};

class Engine {
 public:
  using Op = std::function<Task<Status>(Link&)>;

  Engine();
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Starts `op` with `session` (which outlives the engine and keeps connection state between
  // operations). Runs it up to its first action.
  void start(Op op, Session& session, Millis now);

  std::optional<Action> poll_action();
  std::optional<Event> poll_event();
  void complete(Millis now);
  void feed(std::span<const uint8_t> bytes, Millis now);
  void timeout(Millis now);
  void interrupted(Millis now);
  void lost(Millis now, std::string reason);
  // The answers to LoadStub: the file's bytes (empty: not shipped), or why it could not be had.
  void supply(std::span<const uint8_t> bytes, Millis now);
  void unavailable(Millis now, std::string reason);

  bool finished() const { return finished_; }
  const Status& status() const { return status_; }
  Report& report() { return report_; }
  Millis now() const { return now_; }

  // Used by Link's awaiters and helpers.
  void park(Action action, coro::coroutine_handle<> waiter);
  Input take_input() { return std::move(input_); }
  void emit(Event event) { events_.push_back(std::move(event)); }

 private:
  void resume_with(Input input, Millis now);
  void check_finished();

  Op op_;
  std::unique_ptr<Link> link_;
  std::optional<Task<Status>> root_;
  std::optional<Action> pending_;
  bool pending_taken_ = false;
  coro::coroutine_handle<> waiter_;
  Input input_;
  std::deque<Event> events_;
  Millis now_ = 0;
  bool finished_ = false;
  Status status_;
  Report report_;
};

}  // namespace esptool::engine
