// ResetBridge: turns DTR/RTS requests from a remote RFC 2217 client into line changes of the
// simulated board. Over the network each SET-CONTROL is a round trip (pyserial waits >= 50 ms
// for every acknowledgement), so esptool's "release EN, then pull IO0 low" arrives ~50 ms apart
// and a real auto-reset circuit would boot from flash. Espressif's esp_rfc2217_server.py (v4.8.1)
// solves this by recognising the start of esptool's sequences and replaying them locally with
// the right timing; this bridge does the same:
// - DTR off: passed through (and ends a download-reset sequence);
// - DTR on, not in a sequence: run UnixTightReset(50 ms) on the lines -> download mode;
// - RTS off, not in a sequence: run HardReset (RTS pulse of 100 ms) -> boot from flash;
// - everything else while the sequence runs, and RTS on: acknowledged, not applied.
// In pass-through mode (and always for the USB-Serial-JTAG variant, whose line-state model has
// no timing) every change goes straight to the device.
#pragma once

#include <deque>

#include "hw-sim/device.h"

namespace hwsim::server {

class ResetBridge {
 public:
  ResetBridge(Device& device, bool pass_through) : device_(device), pass_through_(pass_through) {}

  void set_dtr(bool on, Millis now);
  void set_rts(bool on, Millis now);
  bool dtr_requested() const { return dtr_requested_; }
  bool rts_requested() const { return rts_requested_; }
  void poll(Millis now);
  Millis next_time() const { return steps_.empty() ? kNever : steps_.front().time; }
  // Connection closed: lines released (esp_rfc2217_server sets DTR and RTS false).
  void release(Millis now);

 private:
  struct Step {
    Millis time;
    bool dtr;
    bool rts;
  };
  void apply(bool dtr, bool rts, Millis t);
  void schedule(Millis t, bool dtr, bool rts) { steps_.push_back({t, dtr, rts}); }

  Device& device_;
  bool pass_through_;
  bool dtr_requested_ = false;  // what the client asked for (reported back on REQ_DTR/REQ_RTS)
  bool rts_requested_ = false;
  bool dtr_ = false;  // what the board's lines carry
  bool rts_ = false;
  bool in_download_sequence_ = false;
  std::deque<Step> steps_;
};

}  // namespace hwsim::server
