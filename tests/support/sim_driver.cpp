#include "tests/support/sim_driver.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "tests/support/libc_format.h"

namespace esptool::testing {

void SimDriver::perform_read(engine::Engine& engine, engine::Millis deadline, SimRun& run) {
  while (true) {
    const engine::Millis next = std::min(device_.next_event_time(), deadline);
    if (next > now_) now_ = next;
    device_.advance(now_);
    if (replug_ && device_.link_lost()) {  // PortIo ends the pending read at once
      unplug();
      loss_unreported_ = false;
      engine.interrupted(now_);
      return;
    }
    Bytes out = device_.take_output(now_);
    if (!out.empty()) {
      // Let the rest of a burst arrive with it (bounded by the deadline).
      const engine::Millis until = std::min(deadline, now_ + batch_ms_);
      while (device_.next_output_time() <= until) {
        now_ = std::max(now_, device_.next_output_time());
        device_.advance(now_);
        Bytes more = device_.take_output(now_);
        out.insert(out.end(), more.begin(), more.end());
      }
      run.bytes_from_device += out.size();
      engine.feed(out, now_);
      return;
    }
    if (now_ >= deadline) {
      engine.timeout(now_);
      return;
    }
    if (std::isinf(device_.next_event_time()) && std::isinf(deadline)) {
      ESPT_CHECK(false, "read with no deadline and a silent device would never end");
    }
  }
}

void SimDriver::unplug() {
  device_.clear_link_lost();
  device_.discard_input(now_);
  device_.discard_output(now_);
  away_ = true;
  loss_unreported_ = true;
  back_at_ = replug_->back_after_ms < 0 ? std::numeric_limits<double>::infinity()
                                        : now_ + replug_->back_after_ms;
  give_up_at_ = now_ + replug_->grace_ms;
  if (tracing_) trace_.push_back(libc_format("%12.3f unplugged", now_));
}

bool SimDriver::answer_while_away(engine::Engine& engine, const engine::Action& action) {
  if (gone_) {
    engine.lost(now_, libc_format("the device was unplugged and did not come back within %.0f ms",
                                  replug_->grace_ms));
    return true;
  }
  if (!away_) return false;
  const bool is_read = std::holds_alternative<engine::Read>(action);
  if (is_read && loss_unreported_) {
    loss_unreported_ = false;
    engine.interrupted(now_);
    return true;
  }
  if (std::holds_alternative<engine::Sleep>(action)) return false;  // sleeps need no port
  if (std::holds_alternative<engine::LoadStub>(action)) return false;  // nor do stub files
  // Everything else waits for the board (PortIo awaits its re-acquire).
  if (back_at_ > give_up_at_) {
    now_ = std::max(now_, give_up_at_);
    gone_ = true;
    return answer_while_away(engine, action);
  }
  now_ = std::max(now_, back_at_);
  away_ = false;
  device_.power_cycle(false, now_);  // USB power is back: the chip boots from flash
  device_.set_baud(host_baud_, now_);
  device_.set_signals(false, false, now_);
  if (tracing_) trace_.push_back(libc_format("%12.3f plugged back in", now_));
  if (!is_read && std::holds_alternative<engine::SetSignals>(action) && loss_unreported_) {
    engine.complete(now_);  // a line change for the connection that went (PortIo drops it)
    return true;
  }
  loss_unreported_ = false;
  return false;
}

SimRun SimDriver::run(engine::Engine::Op op, engine::Session& session, uint64_t max_steps) {
  SimRun result;
  result.start_ms = now_;
  engine::Engine engine;
  engine.start(std::move(op), session, now_);
  auto drain = [&] {
    while (auto e = engine.poll_event()) {
      if (auto* log = std::get_if<engine::Log>(&*e)) {
        if (tracing_) trace_.push_back(libc_format("%12.3f log %s", now_, log->text.c_str()));
        result.logs.push_back(log->text);
        result.log_stamps.push_back({now_, result.bytes_to_device, result.bytes_from_device});
      } else {
        result.progress.push_back(std::get<engine::Progress>(*e));
      }
    }
  };
  while (!engine.finished()) {
    drain();
    if (++result.steps > max_steps) {
      result.step_cap_hit = true;
      result.status = make_error(Errc::kInternal, "simulation step cap reached (livelock?)");
      break;
    }
    if (device_.link_lost() && replug_) unplug();
    if (device_.link_lost()) {
      device_.clear_link_lost();
      result.status = make_error(Errc::kPortLost, "Serial port lost: the device closed the connection");
      break;
    }
    std::optional<engine::Action> action = engine.poll_action();
    ESPT_CHECK(action.has_value(), "engine is neither finished nor asking for an action");
    if (replug_ && answer_while_away(engine, *action)) continue;
    if (auto* w = std::get_if<engine::Write>(&*action)) {
      if (tracing_) trace_.push_back(libc_format("%12.3f write %zu bytes", now_, w->bytes.size()));
      device_.host_write(w->bytes, now_);
      result.bytes_to_device += w->bytes.size();
      engine.complete(now_);
    } else if (auto* r = std::get_if<engine::Read>(&*action)) {
      perform_read(engine, r->deadline, result);
    } else if (auto* s = std::get_if<engine::SetSignals>(&*action)) {
      if (tracing_) trace_.push_back(libc_format("%12.3f dtr=%d rts=%d", now_, s->dtr, s->rts));
      device_.set_signals(s->dtr, s->rts, now_);
      engine.complete(now_);
    } else if (auto* b = std::get_if<engine::SetBaud>(&*action)) {
      host_baud_ = b->baud;
      device_.set_baud(b->baud, now_);
      engine.complete(now_);
    } else if (auto* sl = std::get_if<engine::Sleep>(&*action)) {
      now_ += sl->duration;
      device_.advance(now_);
      engine.complete(now_);
    } else if (auto* ls = std::get_if<engine::LoadStub>(&*action)) {
      stub_requests_.push_back(ls->file);
      if (!stub_files_) {
        engine.unavailable(now_, "this driver serves no stub files");
      } else {
        const Bytes* file = stub_files_->find(ls->file);
        const Bytes none;
        engine.supply(file == nullptr ? none : *file, now_);
      }
    }
  }
  drain();
  if (engine.finished()) result.status = engine.status();
  result.report = std::move(engine.report());
  result.end_ms = now_;
  return result;
}

}  // namespace esptool::testing
