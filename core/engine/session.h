// Connection state that outlives one operation: who is answering (ROM or stub, which chip),
// the line rate, and bytes received but not yet consumed. The JS device object and the CLI keep
// one Session per open port.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/bytes.h"
#include "core/chips/chip.h"
#include "core/chips/crystal.h"
#include "core/chips/usb.h"
#include "core/proto/packet.h"
#include "core/proto/slip.h"
#include "core/reset/reset_sequence.h"

namespace esptool::engine {

struct Session {
  const chips::ChipInfo* chip = nullptr;  // known after connect (detected or --chip)
  bool is_stub = false;                   // the flasher stub is running
  bool secure_download_mode = false;
  uint32_t baud = 115200;                 // current host/device line rate
  // The console the ROM reported after connect (UARTDEV_BUF_NO); decides block sizes, watchdog
  // handling and the hard-reset pulse (post_connect.h).
  chips::UsbMode usb_mode = chips::UsbMode::kUart;
  // The port's kind (which reset strategies apply) and its DTR/RTS state as last written; unset
  // until the first reset, when it starts from reset::lines_after_open(port_kind).
  reset::PortKind port_kind = reset::PortKind::kWebSerial;
  std::optional<reset::Lines> lines;
  // What describe_chip read ("Chip is ...", crystal, revision), kept so later steps (stub choice,
  // ROM baud quirks, write checks, reset refusal) do not read the same eFuses again. Unset in
  // Secure Download Mode, where the registers cannot be read.
  std::string description;
  chips::Crystal crystal;  // read_crystal (describe_chip.h), before the ROM's rate changes
  chips::Revision revision{};
  // Recovery is on (the request's `recover`): a data block the loader rejects as garbled is sent
  // more often than esptool's three times (ops/data_block.h).
  bool resend_rejected_blocks = false;

  // Work a command can do ahead of need while the link only waits: Link::sleep calls idle_job
  // (while set) before its Sleep, which ends at a deadline, so the work is not added to the wait.
  // ops/deflate_ahead.h sets it to compress the next file of to_deflate into deflated_ahead
  // ({input, zlib stream}), unless the host compresses them (an input it has given is left
  // empty). All three are cleared when a device command starts and ends.
  void (*idle_job)(Session&) = nullptr;
  std::vector<Bytes> to_deflate;
  std::vector<std::pair<Bytes, Bytes>> deflated_ahead;

  // Receive side: undecoded bytes and the SLIP state, kept across operations.
  Bytes rx;
  proto::SlipDecoder slip;
  std::string log_line;  // stray (non-SLIP) bytes collected until a newline
  std::string boot_text; // stray text since the last reset, for boot-mode hints (capped)
  std::string framing_error;  // the last SLIP framing problem while waiting for a frame
  // Copies still to come of the last refusal ("unsupported command" reply): the ROM sends each
  // refusal several times (serial-protocol.md §4), and a later command must not take a copy for
  // its own answer. Cleared when a command gets its real reply.
  int stale_refusals = 0;

  proto::Responder responder() const { return is_stub ? proto::Responder::kStub : proto::Responder::kRom; }
  // serial-protocol.md §2: every stub sends 2 status bytes, a ROM its chip's rom_status_len
  // (ESP8266 2, others 4); 2 until the chip is known (loader.py's generic class).
  size_t status_len() const { return (is_stub || !chip) ? 2 : chip->protocol.rom_status_len; }
};

}  // namespace esptool::engine
