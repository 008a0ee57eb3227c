#include "core/ops/reset_after.h"

#include "core/chips/usb.h"
#include "core/ops/connect.h"
#include "core/ops/describe_chip.h"
#include "core/ops/memory.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"
#include "core/reset/reset_sequence.h"

namespace esptool::ops {

namespace {

// The chip-specific part of esptool's hard_reset (targets/esp32s2.py, esp32s3.py, esp32c5.py):
// over USB-OTG a chip strapped into download mode by GPIO0 cannot leave it, so esptool refuses;
// ESP32-S3 clears its force-download bit first, ignoring any failure.
engine::Task<Status> prepare_hard_reset(engine::Link& link) {
  const engine::Session& s = link.session();
  if (s.chip == nullptr) co_return Status::Ok();
  const chips::ChipInfo& chip = *s.chip;
  const std::vector<uint32_t> straps = chips::reset_strap_registers(chip, s.usb_mode);
  if (straps.size() == 2) {
    chips::RegisterValues values;
    ESPT_CO_TRY(co_await read_registers(link, straps, values));
    const std::string refusal = chips::usb_otg_reset_refusal(
        chip, s.usb_mode, values.at(straps[0]), values.at(straps[1]), s.description);
    if (!refusal.empty()) {
      // esptool's three-line exit text becomes our one-line error plus a hint.
      const size_t first_end = refusal.find('\n');
      std::string detail = refusal.substr(0, first_end);
      if (detail.rfind("Error: ", 0) == 0) detail.erase(0, 7);
      std::string hint = first_end == std::string::npos ? "" : refusal.substr(first_end + 1);
      for (char& c : hint)
        if (c == '\n') c = ' ';
      co_return make_error(Errc::kUnsupportedCommand, detail, hint);
    }
  }
  for (const chips::RegWrite& w : chips::pre_hard_reset_writes(chip)) {
    Status ignored = co_await link.write_reg(w.address, w.value, w.mask);
    (void)ignored;
  }
  co_return Status::Ok();
}

}  // namespace

engine::Task<Status> reset_after(engine::Link& link, std::string after) {
  engine::Session& s = link.session();
  if (after == "hard_reset") {
    ESPT_CO_TRY(co_await prepare_hard_reset(link));
    link.log("Hard resetting via RTS pin...");
    const bool long_pulse = s.chip != nullptr && chips::hard_reset_uses_long_pulse(*s.chip, s.usb_mode);
    Status reset = co_await run_reset_sequence(link, reset::hard_reset(long_pulse));
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
