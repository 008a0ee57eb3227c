// Theory of operation: an attempt = (reset unless told not to) + up to 5 SYNCs; attempts cycle
// through the reset strategies. A failed attempt's error is upgraded with what the boot log said
// (wrong boot mode / no sync although in download mode), as esptool does. Then detect_chip.
#include "core/ops/connect.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "core/chips/boot_log.h"
#include "core/ops/detect_chip.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {
namespace {

using engine::Link;
using engine::Task;

constexpr int kSyncsPerAttempt = 5;           // loader.py _connect_attempt
constexpr engine::Millis kSyncRetryDelayMs = 50;
constexpr int kExtraSyncReplies = 7;          // the ROM answers one SYNC 8 times
constexpr engine::Millis kExtraSyncReplyWaitMs = 100;
// An RFC 2217 server (esp_rfc2217_server.py, hw-sim's bridge) replays the reset on its side when
// DTR goes on, so the chip leaves reset about 100 ms after our sequence thinks it did. A SYNC
// sent before then is lost and costs its 100 ms timeout plus the 50 ms pause; waiting for the
// ROM's "waiting for download" (at most as long as that loss) syncs as soon as it listens.
constexpr engine::Millis kRemoteBootWaitMs = kSyncRetryDelayMs + proto::kSyncTimeoutMs;

Task<Status> sync_once(Link& link) {
  Result<proto::Reply> first =
      co_await link.command(proto::Opcode::kSync, proto::Sync{}.encode(), proto::kSyncTimeoutMs);
  if (!first.ok()) co_return first.error();
  bool stub = first.value().value == 0;  // the stub answers SYNC with value 0, the ROM not
  // esptool insists on 7 more replies (3 s each); boot-log noise before the first one can
  // swallow a frame delimiter, so we take what arrives back to back and do not fail on fewer.
  for (int i = 0; i < kExtraSyncReplies; ++i) {
    Result<Bytes> frame = co_await link.read_frame(kExtraSyncReplyWaitMs);
    if (!frame.ok()) break;
    if (auto reply = proto::decode_reply(frame.value())) stub = stub && reply->value == 0;
  }
  link.session().is_stub = stub;
  co_return Status::Ok();
}

// reset-and-boot.md §3 step 4: the boot log tells download mode from a wrong boot mode
// (esptool's messages); the hint says what to do, from the chip's strapping rule (boot_log.h).
Error explain_failed_attempt(const engine::Session& s, const ConnectOptions& opts, Error last) {
  const std::string& boot_text = s.boot_text;
  const chips::ChipInfo* named = opts.chip == "auto" ? nullptr : chips::find_chip(opts.chip);
  const chips::BootLog log = chips::read_boot_log(boot_text, named);
  // Bytes that came only inside bad SLIP frames leave no stray text, yet the port was not silent.
  const bool silent = boot_text.empty() && last.code == Errc::kTimeout && s.framing_error.empty();
  std::string hint = chips::connect_failure_hint(silent ? "" : boot_text, named, s.baud);
  if (!silent && boot_text.empty()) {
    hint = "The port answered with broken frames: a noisy line or a wrong baud rate; try another "
           "cable or USB port.";
  }
  if (log.strap && log.waiting_for_download) {
    last = make_error(Errc::kNoSync,
                      "Download mode successfully detected, but getting no sync reply: The serial "
                      "TX path seems to be down.");
  } else if (log.strap) {
    last = make_error(Errc::kNoSync, "Wrong boot mode detected (" + log.strap_text +
                                         ")! The chip needs to be in download mode.");
  }
  last.hint_text = hint;
  return last;
}

Task<Status> attempt(Link& link, const ConnectOptions& opts, const reset::Sequence* strategy) {
  if (opts.before == "no_reset_no_sync") co_return Status::Ok();
  link.session().boot_text.clear();
  if (strategy != nullptr) {
    Status reset = co_await run_reset_sequence(link, *strategy);
    if (!reset.ok()) co_return reset.error();
    if (opts.port_kind == reset::PortKind::kRfc2217) {
      Status booted = co_await link.await_boot_text("waiting for download", kRemoteBootWaitMs);
      if (!booted.ok()) co_return booted.error();
    }
  }
  Error last = make_error(Errc::kNoSync, "No serial data received.");
  for (int i = 0; i < kSyncsPerAttempt; ++i) {
    Status synced = co_await sync_once(link);
    if (synced.ok()) co_return Status::Ok();
    last = synced.error();
    if (last.code == Errc::kPortLost) co_return last;  // nothing to sync with any more
    co_await link.sleep(kSyncRetryDelayMs);
  }
  co_return explain_failed_attempt(link.session(), opts, last);
}

std::vector<reset::Sequence> strategies_for(const ConnectOptions& opts) {
  if (opts.custom_reset) return {*opts.custom_reset};
  if (opts.before == "usb_reset") return {reset::usb_jtag_serial_reset()};
  return reset::connect_strategies(opts.port_kind, opts.usb_jtag_serial);
}

}  // namespace

Task<Status> run_reset_sequence(Link& link, const reset::Sequence& seq) {
  engine::Session& s = link.session();
  reset::Lines end{};
  const reset::Sequence writes =
      reset::line_writes(seq, s.lines.value_or(reset::lines_after_open(s.port_kind)), &end);
  for (const reset::Step& step : writes) {
    if (const auto* lines = std::get_if<reset::Lines>(&step)) {
      co_await link.set_signals(lines->dtr, lines->rts);
    } else {
      co_await link.sleep(std::get<reset::Wait>(step).ms);
    }
  }
  s.lines = end;
  co_return Status::Ok();
}

Task<Status> connect(Link& link, const ConnectOptions& given) {
  static const char* kBefore[] = {"default_reset", "usb_reset", "no_reset", "no_reset_no_sync"};
  if (std::find(std::begin(kBefore), std::end(kBefore), given.before) == std::end(kBefore)) {
    co_return make_error(Errc::kBadArgument, "Unknown --before value '" + given.before + "'");
  }
  ConnectOptions opts = given;
  // loader.py connect@v4.8.1: a warning for a chosen no-reset mode; then a socket:// port gets
  // no_reset whatever was chosen (no lines reach the far end), with a note.
  if (opts.before == "no_reset" || opts.before == "no_reset_no_sync") {
    link.log("WARNING: Pre-connection option \"" + opts.before +
             "\" was selected. Connection may fail if the chip is not in bootloader or flasher "
             "stub mode.");
  }
  if (opts.port_kind == reset::PortKind::kSocket) {
    opts.before = "no_reset";
    link.log("Note: It's not possible to reset the chip over a TCP socket. Automatic resetting to "
             "bootloader has been disabled, reset the chip manually.");
  }
  link.session().baud = opts.initial_baud;
  link.session().port_kind = opts.port_kind;
  co_await link.set_baud(opts.initial_baud);
  link.log("Connecting...");
  const std::vector<reset::Sequence> strategies = strategies_for(opts);
  const bool resets = opts.before == "default_reset" || opts.before == "usb_reset";
  Error last = make_error(Errc::kNoSync, "No serial data received.");
  bool connected = false;
  for (int i = 0; opts.attempts <= 0 || i < opts.attempts; ++i) {
    const reset::Sequence* strategy = resets ? &strategies[size_t(i) % strategies.size()] : nullptr;
    Status s = co_await attempt(link, opts, strategy);
    if (s.ok()) {
      connected = true;
      break;
    }
    last = s.error();
    if (last.code == Errc::kPortLost) co_return last;
  }
  if (!connected) {
    const chips::ChipInfo* named = opts.chip == "auto" ? nullptr : chips::find_chip(opts.chip);
    last.detail = strprintf("Failed to connect to %s: %s", named ? named->name : "Espressif device",
                            last.detail.c_str());
    // Whatever the last SYNC saw (a timeout, a bad frame), nothing but resets and SYNCs reached
    // the port: one code for "no chip answered", which lets a port scan move on.
    last.code = Errc::kNoSync;
    last.name_text.clear();
    if (last.hint_text.empty()) {
      last.hint_text = "Check the port and cable, and that the chip is in download mode.";
    }
    co_return last;
  }
  if (opts.before == "no_reset_no_sync") link.session().is_stub = true;  // assumed running
  co_return co_await detect_chip(link, opts.chip);
}

}  // namespace esptool::ops
