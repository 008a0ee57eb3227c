// Theory of operation: an attempt = (reset unless told not to) + up to 5 SYNCs; attempts cycle
// through the reset strategies. A failed attempt's error is upgraded with what the boot log said
// (wrong boot mode / no sync although in download mode), as esptool does. Then detect_chip.
#include "core/ops/connect.h"

#include <algorithm>
#include <cctype>
#include <iterator>

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

// reset-and-boot.md §3 step 4: the boot log tells download mode from a wrong boot mode.
Error explain_failed_attempt(const std::string& boot_text, Error last) {
  const size_t at = boot_text.find("boot:0x");
  if (at == std::string::npos) return last;
  size_t end = at + 7;
  while (end < boot_text.size() && std::isxdigit(static_cast<unsigned char>(boot_text[end]))) ++end;
  const std::string mode = boot_text.substr(at + 5, end - at - 5);
  if (boot_text.find("waiting for download", end) != std::string::npos) {
    return make_error(Errc::kNoSync,
                      "Download mode successfully detected, but getting no sync reply: The serial "
                      "TX path seems to be down.");
  }
  return make_error(Errc::kNoSync,
                    "Wrong boot mode detected (" + mode + ")! The chip needs to be in download mode.",
                    "Hold the BOOT button (GPIO0) while resetting, or check the auto-reset wiring.");
}

Task<Status> attempt(Link& link, const ConnectOptions& opts, const reset::Sequence* strategy) {
  if (opts.before == "no_reset_no_sync") co_return Status::Ok();
  link.session().boot_text.clear();
  if (strategy != nullptr) {
    Status reset = co_await run_reset_sequence(link, *strategy);
    if (!reset.ok()) co_return reset.error();
  }
  Error last = make_error(Errc::kNoSync, "No serial data received.");
  for (int i = 0; i < kSyncsPerAttempt; ++i) {
    Status synced = co_await sync_once(link);
    if (synced.ok()) co_return Status::Ok();
    last = synced.error();
    co_await link.sleep(kSyncRetryDelayMs);
  }
  co_return explain_failed_attempt(link.session().boot_text, last);
}

std::vector<reset::Sequence> strategies_for(const ConnectOptions& opts) {
  if (opts.custom_reset) return {*opts.custom_reset};
  if (opts.before == "usb_reset") return {reset::usb_jtag_serial_reset()};
  return reset::connect_strategies(opts.usb_jtag_serial);
}

}  // namespace

Task<Status> run_reset_sequence(Link& link, const reset::Sequence& seq) {
  for (const reset::Step& step : seq) {
    if (const auto* lines = std::get_if<reset::Lines>(&step)) {
      co_await link.set_signals(lines->dtr, lines->rts);
    } else {
      co_await link.sleep(std::get<reset::Wait>(step).ms);
    }
  }
  co_return Status::Ok();
}

Task<Status> connect(Link& link, const ConnectOptions& opts) {
  static const char* kBefore[] = {"default_reset", "usb_reset", "no_reset", "no_reset_no_sync"};
  if (std::find(std::begin(kBefore), std::end(kBefore), opts.before) == std::end(kBefore)) {
    co_return make_error(Errc::kBadArgument, "Unknown --before value '" + opts.before + "'");
  }
  link.session().baud = opts.initial_baud;
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
  }
  if (!connected) {
    const chips::ChipInfo* named = opts.chip == "auto" ? nullptr : chips::find_chip(opts.chip);
    last.detail = strprintf("Failed to connect to %s: %s", named ? named->name : "Espressif device",
                            last.detail.c_str());
    if (last.hint_text.empty()) {
      last.hint_text = "Check the port and cable, and that the chip is in download mode.";
    }
    co_return last;
  }
  if (opts.before == "no_reset_no_sync") link.session().is_stub = true;  // assumed running
  co_return co_await detect_chip(link, opts.chip);
}

}  // namespace esptool::ops
