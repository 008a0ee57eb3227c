#include "core/ops/reset_after.h"

#include "core/ops/connect.h"
#include "core/ops/memory.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"
#include "core/reset/reset_sequence.h"

namespace esptool::ops {

engine::Task<Status> reset_after(engine::Link& link, std::string after, bool uses_usb) {
  engine::Session& s = link.session();
  if (after == "hard_reset") {
    link.log("Hard resetting via RTS pin...");
    Status reset = co_await run_reset_sequence(link, reset::hard_reset(uses_usb));
    s.is_stub = false;  // the chip boots the application now
    co_return reset;
  }
  if (after == "soft_reset") {
    link.log("Soft resetting...");
    if (!s.is_stub) {
      Status ran = co_await run_app(link);
      co_return ran;
    }
    if (s.chip != nullptr && s.chip->is_esp8266) {
      // RUN_USER_CODE gets no reply: the stub jumps to the application.
      Status sent = co_await link.send_packet(proto::encode_empty(proto::Opcode::kRunUserCode));
      s.is_stub = false;
      co_return sent;
    }
    co_return make_error(Errc::kBadArgument, "Soft resetting is currently only supported on ESP8266",
                         "Use --after hard_reset.");
  }
  if (after == "no_reset") {
    if (!s.is_stub) {
      link.log("Staying in bootloader.");
      co_return Status::Ok();
    }
    // The stub resets the chip into the ROM loader: the boot straps stay latched.
    proto::BeginCommand begin{proto::Opcode::kFlashBegin, 0, 0, 0x4000, 0};
    Result<Bytes> b = co_await link.call(begin, proto::kDefaultTimeoutMs);
    if (!b.ok()) co_return b.error();
    proto::EndCommand end{proto::Opcode::kFlashEnd, 0};
    Result<Bytes> e = co_await link.call(end, proto::kDefaultTimeoutMs);
    if (!e.ok()) co_return e.error();
    s.is_stub = false;
    link.log("Staying in bootloader.");
    co_return Status::Ok();
  }
  if (after == "no_reset_stub") {
    link.log("Staying in flasher stub.");
    co_return Status::Ok();
  }
  co_return make_error(Errc::kBadArgument, "Unknown --after value '" + after + "'",
                       "Choose hard_reset, soft_reset, no_reset or no_reset_stub.");
}

}  // namespace esptool::ops
