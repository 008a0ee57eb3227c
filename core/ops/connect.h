// connect: reset into the ROM loader, sync, and find out who answers (reset-and-boot.md §3,
// serial-protocol.md §6, §14). Leaves Session::chip set and Session::is_stub true when the sync
// showed a stub that is still running.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/engine/link.h"
#include "core/reset/reset_sequence.h"

namespace esptool::ops {

struct ConnectOptions {
  std::string chip = "auto";            // --chip
  std::string before = "default_reset";  // default_reset | usb_reset | no_reset | no_reset_no_sync
  int attempts = 7;                      // --connect-attempts; <= 0 tries forever
  bool usb_jtag_serial = false;          // the port is a USB-JTAG-Serial (USB PID 0x1001)
  reset::PortKind port_kind = reset::PortKind::kWebSerial;  // decides the reset strategies
  std::optional<reset::Sequence> custom_reset;
  uint32_t initial_baud = 115200;        // ROM rate; --baud with no_reset_no_sync
};

engine::Task<Status> connect(engine::Link& link, const ConnectOptions& opts);

// Replays a reset sequence through the link: one SetSignals per line write reset.py makes
// (reset::line_writes), from the line state the session last left.
engine::Task<Status> run_reset_sequence(engine::Link& link, const reset::Sequence& seq);

}  // namespace esptool::ops
