#include "core/ops/detect_chip.h"

#include "core/chips/chip.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {
namespace {

using engine::Link;
using engine::Task;

const chips::ChipInfo* chip_by_magic(uint32_t magic) {
  for (const chips::ChipInfo* c : chips::all_chips())
    for (uint32_t m : c->magic_values)
      if (m == magic) return c;
  return nullptr;
}

// GET_SECURITY_INFO's 20-byte form carries the chip id at offset 12; the ESP32-S2 ROM sends 12
// bytes without it, ESP8266/ESP32 ROMs do not know the command.
Task<const chips::ChipInfo*> chip_from_security_info(Link& link) {
  Result<Bytes> info = co_await link.call(proto::Opcode::kGetSecurityInfo, Bytes{}, proto::kDefaultTimeoutMs);
  if (!info.ok() || info.value().size() < 16) co_return nullptr;
  const uint32_t id = read_le32(info.value().data() + 12);
  for (const chips::ChipInfo* c : chips::all_chips()) {
    const std::string key = c->key;
    if (key == "esp8266" || key == "esp32" || key == "esp32s2") continue;  // detected by magic
    if (c->image_chip_id && *c->image_chip_id == id) co_return c;
  }
  co_return nullptr;
}

Task<Result<uint32_t>> read_magic(Link& link) {
  Result<uint32_t> magic = co_await link.read_reg(kChipDetectMagicRegAddr);
  if (!magic.ok() && magic.error().code == Errc::kUnsupportedCommand) {
    link.session().secure_download_mode = true;
  }
  co_return magic;
}

}  // namespace

Task<Status> detect_chip(Link& link, std::string chip) {
  engine::Session& session = link.session();
  // The replies' status length depends on the chip; until it is known, 2 bytes are assumed and
  // only the first status byte matters (loader.py ESPLoader defaults). A detection starts from
  // nothing: what an earlier connect concluded (chip, Secure Download Mode) is decided again.
  session.chip = nullptr;
  session.secure_download_mode = false;
  if (chip == "auto") {
    const chips::ChipInfo* found = co_await chip_from_security_info(link);
    if (found == nullptr) {
      Result<uint32_t> magic = co_await read_magic(link);
      if (!magic.ok()) {
        if (session.secure_download_mode) {
          // cmds.py detect_chip's wording.
          co_return make_error(Errc::kUnknownChip,
                               "Unsupported Command Error received. Probably this means Secure "
                               "Download Mode is enabled, autodetection will not work. Need to "
                               "manually specify the chip.",
                               "Pass --chip with the chip's name (an ESP32-S2 in Secure Download "
                               "Mode reports no chip id and refuses the register read that "
                               "detection uses).");
        }
        co_return magic.error();
      }
      found = chip_by_magic(magic.value());
      if (found == nullptr) {
        co_return make_error(Errc::kUnknownChip,
                             strprintf("Unexpected chip magic value 0x%08x. Failed to autodetect "
                                       "chip type.",
                                       magic.value()),
                             "Pass --chip if you know the chip, or update esptool-wasm.");
      }
    } else {
      (void)co_await read_magic(link);  // only tells whether Secure Download Mode is on
    }
    link.log(std::string("Detecting chip type... ") + found->name);
    session.chip = found;
    co_return Status::Ok();
  }
  const chips::ChipInfo* wanted = chips::find_chip(chip);
  if (wanted == nullptr) {
    co_return make_error(Errc::kUnknownChip, "Unknown chip '" + chip + "'",
                         "Choose one of: " + chips::chip_choices());
  }
  Result<uint32_t> magic = co_await read_magic(link);
  if (magic.ok()) {
    const chips::ChipInfo* actual = chip_by_magic(magic.value());
    if (actual != nullptr && actual != wanted) {
      co_return make_error(Errc::kChipMismatch,
                           strprintf("This chip is %s not %s. Wrong --chip argument?", actual->name,
                                     wanted->name));
    }
    if (actual == nullptr) {
      link.log(strprintf("WARNING: This chip doesn't appear to be a %s (chip magic value 0x%08x). "
                         "Probably it is unsupported by this version of esptool.",
                         wanted->name, magic.value()));
    }
  } else if (!session.secure_download_mode) {
    co_return magic.error();
  }
  session.chip = wanted;
  co_return Status::Ok();
}

}  // namespace esptool::ops
