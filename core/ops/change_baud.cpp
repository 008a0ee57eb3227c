#include "core/ops/change_baud.h"

#include "core/chips/crystal.h"
#include "core/ops/describe_chip.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {

namespace {

constexpr engine::Millis kSettleMs = 50;  // loader.py change_baud: sleep after switching

// Reads the calibration registers the chip's ROM quirk needs (the crystal is known from
// describe_chip) and returns what esptool sends (chips/crystal.h, serial-protocol.md §16).
engine::Task<Result<chips::RomBaudChange>> rom_baud_change(engine::Link& link, uint32_t baud) {
  const engine::Session& s = link.session();
  const chips::ChipInfo& chip = *s.chip;
  if (chip.rom_baud.quirk == chips::RomBaudQuirk::kNone) co_return chips::RomBaudChange{baud, baud, {}};
  chips::RegisterValues values;
  ESPT_CO_TRY(co_await read_registers(link, chips::rom_baud_registers(chip), values));
  co_return chips::rom_change_baud(chip, baud, s.crystal.mhz, values);
}

}  // namespace

engine::Task<Status> change_baud(engine::Link& link, uint32_t baud) {
  engine::Session& s = link.session();
  if (baud <= s.baud) co_return Status::Ok();
  if (!s.is_stub && s.chip != nullptr && s.chip->is_esp8266) {
    link.log("WARNING: ROM doesn't support changing baud rate. Keeping initial baud rate 115200");
    co_return Status::Ok();
  }
  // The stub gets the true rate and the current one (it scales its divider by old/new); a ROM
  // gets 0 as the old rate and, on chips whose ROM assumes the wrong clock, a corrected rate.
  chips::RomBaudChange change{baud, baud, {}};
  if (!s.is_stub && s.chip != nullptr) {
    Result<chips::RomBaudChange> rom = co_await rom_baud_change(link, baud);
    if (!rom.ok()) co_return rom.error();
    change = rom.value();
  }
  if (!change.note.empty()) link.log(change.note);
  link.log(strprintf("Changing baud rate to %u", change.printed_baud));
  proto::ChangeBaudrate cmd{change.sent_baud, s.is_stub ? s.baud : 0};
  Result<Bytes> r = co_await link.call(cmd, proto::kDefaultTimeoutMs);
  if (!r.ok()) co_return r.error();
  // esptool switches the host to the printed rate (ESP32-C5 passes its corrected rate on).
  const uint32_t host_baud = change.printed_baud;
  co_await link.set_baud(host_baud);
  s.baud = host_baud;
  co_await link.sleep(kSettleMs);
  link.log("Changed.");
  co_return Status::Ok();
}

engine::Task<Status> change_baud_before_stub(engine::Link& link, uint32_t baud) {
  const engine::Session& s = link.session();
  if (s.is_stub || s.chip == nullptr || s.chip->is_esp8266) co_return Status::Ok();
  Status changed = co_await change_baud(link, baud);
  co_return changed;
}

}  // namespace esptool::ops
