#include "core/ops/change_baud.h"

#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {

namespace {
constexpr engine::Millis kSettleMs = 50;  // loader.py change_baud: sleep after switching
}

engine::Task<Status> change_baud(engine::Link& link, uint32_t baud) {
  engine::Session& s = link.session();
  if (baud <= s.baud) co_return Status::Ok();
  if (!s.is_stub && s.chip != nullptr && s.chip->is_esp8266) {
    link.log("WARNING: ROM doesn't support changing baud rate. Keeping initial baud rate 115200");
    co_return Status::Ok();
  }
  link.log(strprintf("Changing baud rate to %u", baud));
  // The ROM wants 0 as the old rate; the stub scales its divider by old/new.
  proto::ChangeBaudrate cmd{baud, s.is_stub ? s.baud : 0};
  Result<Bytes> r = co_await link.call(cmd, proto::kDefaultTimeoutMs);
  if (!r.ok()) co_return r.error();
  co_await link.set_baud(baud);
  s.baud = baud;
  co_await link.sleep(kSettleMs);
  link.log("Changed.");
  co_return Status::Ok();
}

}  // namespace esptool::ops
