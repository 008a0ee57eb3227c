// Getting a link back after line noise broke a command midway (our extension; esptool gives up):
// the whole way in again, as the command started: reset and sync, the stub (uploaded again
// unless the sync finds it running), the baud rate, the flash attach and size. Not a cheaper
// probe: a chip that reset by itself at the same baud rate answers a register read as before
// but has lost its SPI attach (its ROM then reads 0xFF and hashes that), and an ESP8266 ROM
// answers like the stub, so only a fresh connect knows what it talks to.
// The caller decides what to redo once the link is back (write_flash: the sectors whose MD5
// differs; read_flash: from the last verified byte).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/engine/link.h"
#include "core/ops/connect.h"
#include "core/stub/stub_binary.h"

namespace esptool::ops {

struct Recovery {
  ConnectOptions connect;
  bool no_stub = false;
  const stub::StubFiles* stubs = nullptr;
  bool stubs_on_demand = false;  // DeviceRequest::stubs_on_demand
  uint32_t baud = 115200;
  std::optional<uint32_t> spi_connection;
  std::optional<uint32_t> flash_size;  // sent again with SPI_SET_PARAMS after a reconnect
  // Resumes per file or read that gained nothing (the flash holds no more than before); then
  // the error stands. kMaxResumes bounds them all, so a bad link ends in bounded time.
  int max_resumes = 3;
};

inline constexpr int kMaxResumes = 16;

// Errors worth a resume: line noise, a chip that stopped answering, a port that went away and
// is looked for again (a replugged cable: the reconnect waits for it). Not: a port gone for
// good, a cancel, or a refusal that would only repeat (bad argument, image checks).
bool is_line_error(const Error& e);

// Errors that sending the same command again cannot fix: the port is gone (for good, or for
// now: an interruption needs a reconnect, not a resend) or the user cancelled.
bool ends_retries(const Error& e);

// Brings the link back (see above). Fails when the chip cannot be reached again; callers then
// report that and stop resuming (a dead link ends in about the time one connect takes).
engine::Task<Status> recover_link(engine::Link& link, const Recovery& recovery);

}  // namespace esptool::ops
