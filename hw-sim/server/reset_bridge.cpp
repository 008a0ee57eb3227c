// ResetBridge: esp_rfc2217_server's sequence detection, replayed on the simulated lines.
#include "hw-sim/server/reset_bridge.h"

namespace hwsim::server {
namespace {

// esptool v4.8.1 reset.py: DEFAULT_RESET_DELAY and the fixed 0.1 s reset pulse.
constexpr Millis kResetPulse = 100.0;
constexpr Millis kResetDelay = 50.0;

}  // namespace

void ResetBridge::apply(bool dtr, bool rts, Millis t) {
  dtr_ = dtr;
  rts_ = rts;
  device_.set_signals(dtr, rts, t);
}

void ResetBridge::set_dtr(bool on, Millis now) {
  dtr_requested_ = on;
  if (pass_through_) {
    apply(on, rts_, now);
    return;
  }
  if (!on) {
    in_download_sequence_ = false;
    apply(false, rts_, now);
  } else if (!in_download_sequence_) {
    in_download_sequence_ = true;
    // UnixTightReset: (0,0) (1,1) (0,1), 100 ms, (1,0), 50 ms, (0,0), DTR=0.
    schedule(now, false, false);
    schedule(now, true, true);
    schedule(now, false, true);
    schedule(now + kResetPulse, true, false);
    schedule(now + kResetPulse + kResetDelay, false, false);
    poll(now);
  }
}

void ResetBridge::set_rts(bool on, Millis now) {
  rts_requested_ = on;
  if (pass_through_) {
    apply(dtr_, on, now);
    return;
  }
  if (!on && !in_download_sequence_) {
    // HardReset: RTS=1, 100 ms, RTS=0 (DTR untouched).
    schedule(now, dtr_, true);
    schedule(now + kResetPulse, dtr_, false);
    poll(now);
  }
}

void ResetBridge::poll(Millis now) {
  while (!steps_.empty() && steps_.front().time <= now) {
    const Step step = steps_.front();
    steps_.pop_front();
    apply(step.dtr, step.rts, step.time);
  }
}

void ResetBridge::release(Millis now) {
  steps_.clear();
  in_download_sequence_ = false;
  dtr_requested_ = rts_requested_ = false;
  apply(false, false, now);
}

}  // namespace hwsim::server
