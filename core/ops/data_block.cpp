#include "core/ops/data_block.h"

#include "core/ops/recovery.h"
#include "core/proto/commands.h"

namespace esptool::ops {
namespace {

// The loader's answers for a block that arrived garbled and was dropped unprocessed.
bool rejected_as_garbled(const Error& e) {
  const std::string name = e.name();
  return name == "stub.bad_data_len" || name == "stub.bad_data_checksum" || name == "rom.checksum_error" ||
         name == "rom.invalid_message";
}

}  // namespace

engine::Task<Status> send_data_block(engine::Link& link, proto::Opcode op, uint32_t seq,
                                     std::span<const uint8_t> payload, engine::Millis timeout_ms,
                                     const char* what, uint32_t address) {
  Error last = make_error(Errc::kInternal, "no attempt");
  const int attempts = link.session().resend_rejected_blocks ? kRejectedBlockAttempts : kWriteBlockAttempts;
  int other_failures = 0;
  for (int attempt = 0; attempt < attempts && other_failures < kWriteBlockAttempts; ++attempt) {
    proto::DataCommand cmd{op, seq, payload};
    Status sent = co_await link.send_packet(cmd.encode());
    if (sent.ok()) {
      Result<Bytes> r = co_await link.await_checked_reply(op, timeout_ms);
      if (r.ok()) co_return Status::Ok();
      last = r.error();
    } else {
      last = sent.error();
    }
    // loader.py flash_block retries on any failure: a checksum or length error from the
    // device is line noise too.
    if (ends_retries(last)) break;
    if (!rejected_as_garbled(last)) ++other_failures;
  }
  if (last.code == Errc::kPortLost) co_return last;  // about the port, not this block
  last.detail = strprintf("%s block %u at 0x%08x failed: %s", what, seq, address, last.detail.c_str());
  last.hint_text = "Try a lower baud rate, e.g. --baud 115200, or a shorter cable.";
  co_return last;
}

}  // namespace esptool::ops
