#include "core/ops/recovery.h"

#include "core/chips/chip.h"

#include "core/ops/attach_flash.h"
#include "core/ops/change_baud.h"
#include "core/ops/post_connect.h"
#include "core/ops/run_stub.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {

using engine::Link;
using engine::Task;

bool is_line_error(const Error& e) {
  switch (e.code) {
    case Errc::kPortLost:
    case Errc::kCancelled:
    case Errc::kBadArgument:
    case Errc::kImageTooBig:
    case Errc::kChipMismatch:
    case Errc::kInvalidImage:
    case Errc::kUnsupportedCommand:
    case Errc::kInternal:
    case Errc::kFileNotFound:  // a stub file the driver could not get: reconnecting cannot help
      return false;
    default:
      return true;  // timeouts, bad frames, digest mismatches, device status errors, no sync
  }
}

bool ends_retries(const Error& e) {
  return e.code == Errc::kPortLost || e.code == Errc::kPortInterrupted ||
         e.code == Errc::kCancelled;
}

namespace {

constexpr int kReconnectTries = 2;  // a stub upload garbled on the way is worth one more go

Task<Status> reconnect_once(Link& link, const Recovery& r) {
  engine::Session& s = link.session();
  const chips::ChipInfo* chip_before = s.chip;
  const bool sdm_before = s.secure_download_mode;
  s.is_stub = false;  // until the sync says otherwise
  ESPT_CO_TRY(co_await connect(link, r.connect));
  // The same chip cannot come back as another, or in or out of Secure Download Mode (an eFuse):
  // a detection that says so read a garbled reply (a flipped opcode looks like "unsupported",
  // and in "Secure Download Mode" a write would skip its verify). Try again instead.
  if (s.chip != chip_before || s.secure_download_mode != sdm_before) {
    s.chip = chip_before;
    s.secure_download_mode = sdm_before;
    co_return make_error(Errc::kBadFrame, "The chip answered differently after reconnecting (a garbled reply)");
  }
  const bool stub_survived = s.is_stub;
  ESPT_CO_TRY(co_await post_connect(link, stub_survived));
  if (!r.no_stub && r.stubs) {
    ESPT_CO_TRY(co_await change_baud_before_stub(link, r.baud));
    ESPT_CO_TRY(co_await start_stub(link, *r.stubs, r.stubs_on_demand));
  }
  ESPT_CO_TRY(co_await change_baud(link, r.baud));
  if (!s.is_stub || r.spi_connection) ESPT_CO_TRY(co_await attach_flash(link, r.spi_connection));
  const bool rom_8266 = !s.is_stub && s.chip && s.chip->is_esp8266;  // no SPI_SET_PARAMS
  if (r.flash_size && !rom_8266) {
    proto::SpiSetParams params{*r.flash_size};
    Result<Bytes> set = co_await link.call(params, proto::kDefaultTimeoutMs);
    if (!set.ok()) co_return set.error();
  }
  co_return Status::Ok();
}

}  // namespace

Task<Status> recover_link(Link& link, const Recovery& r) {
  Status back = make_error(Errc::kInternal, "no attempt");
  for (int i = 0; i < kReconnectTries; ++i) {
    link.log("Connecting again after a line error...");
    back = co_await reconnect_once(link, r);
    if (back.ok() || !is_line_error(back.error()) || back.error().code == Errc::kNoSync) break;
  }
  co_return back;
}

}  // namespace esptool::ops
