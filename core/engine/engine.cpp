#include "core/engine/engine.h"

#include "core/engine/link.h"

namespace esptool::engine {

Engine::Engine() = default;
Engine::~Engine() {
  root_.reset();  // destroys the frames before the link they refer to
}

void Engine::start(Op op, Session& session, Millis now) {
  ESPT_CHECK(!root_, "an engine runs one operation");
  now_ = now;
  op_ = std::move(op);
  link_ = std::make_unique<Link>(*this, session);
  root_.emplace(op_(*link_));
  root_->handle().resume();
  check_finished();
}

void Engine::park(Action action, coro::coroutine_handle<> waiter) {
  ESPT_CHECK(!pending_, "one action at a time");
  pending_ = std::move(action);
  pending_taken_ = false;
  waiter_ = waiter;
}

std::optional<Action> Engine::poll_action() {
  if (!pending_ || pending_taken_) return std::nullopt;
  pending_taken_ = true;
  return *pending_;
}

std::optional<Event> Engine::poll_event() {
  if (events_.empty()) return std::nullopt;
  Event e = std::move(events_.front());
  events_.pop_front();
  return e;
}

void Engine::resume_with(Input input, Millis now) {
  ESPT_CHECK(pending_.has_value(), "input without a pending action");
  now_ = now;
  input_ = std::move(input);
  pending_.reset();
  coro::coroutine_handle<> waiter = std::exchange(waiter_, {});
  waiter.resume();
  check_finished();
}

void Engine::complete(Millis now) {
  ESPT_CHECK(pending_ && !std::holds_alternative<Read>(*pending_) && !std::holds_alternative<LoadStub>(*pending_),
             "complete() answers a write, signals, baud or sleep");
  resume_with(Input{Input::Kind::kCompleted, {}, {}}, now);
}

void Engine::feed(std::span<const uint8_t> bytes, Millis now) {
  ESPT_CHECK(pending_ && std::holds_alternative<Read>(*pending_), "feed() answers a read");
  ESPT_CHECK(!bytes.empty(), "feed() needs at least one byte");
  resume_with(Input{Input::Kind::kData, copy_bytes(bytes), {}}, now);
}

void Engine::timeout(Millis now) {
  ESPT_CHECK(pending_ && std::holds_alternative<Read>(*pending_), "timeout() answers a read");
  resume_with(Input{Input::Kind::kTimeout, {}, {}}, now);
}

void Engine::interrupted(Millis now) {
  ESPT_CHECK(pending_ && std::holds_alternative<Read>(*pending_), "interrupted() answers a read");
  resume_with(Input{Input::Kind::kInterrupted, {}, {}}, now);
}

void Engine::lost(Millis now, std::string reason) {
  resume_with(Input{Input::Kind::kLost, {}, std::move(reason)}, now);
}

void Engine::supply(std::span<const uint8_t> bytes, Millis now) {
  ESPT_CHECK(pending_ && std::holds_alternative<LoadStub>(*pending_), "supply() answers a stub request");
  resume_with(Input{Input::Kind::kData, copy_bytes(bytes), {}}, now);
}

void Engine::unavailable(Millis now, std::string reason) {
  ESPT_CHECK(pending_ && std::holds_alternative<LoadStub>(*pending_), "unavailable() answers a stub request");
  resume_with(Input{Input::Kind::kUnavailable, {}, std::move(reason)}, now);
}

void Engine::check_finished() {
  if (finished_ || !root_ || !root_->done()) return;
  finished_ = true;
  status_ = root_->await_resume();
}

}  // namespace esptool::engine
