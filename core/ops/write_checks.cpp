#include "core/ops/write_checks.h"

#include "core/chips/security.h"
#include "core/image/firmware_image.h"
#include "core/ops/describe_chip.h"

namespace esptool::ops {
namespace {

// The bootloader and partition table live below this offset (cmds.py write_flash).
constexpr uint32_t kProtectedEnd = 0x8000;

std::string rev_text(uint32_t full) { return strprintf("v%u.%u", full / 100, full % 100); }

// esptool's choice between min_rev (one number) and the min/max_rev_full pair of the header.
bool uses_full_revision_fields(const image::ExtendedHeader& h) {
  if (h.max_rev_full == 0) return false;  // written before the fields existed
  if (h.max_rev_full == 0xFFFF) return !(h.min_rev_full == 0 && h.min_rev != 0);
  return true;
}

Status check_revision(const chips::ChipInfo& chip, const chips::Revision& rev,
                      const image::ExtendedHeader& h, const std::string& name) {
  if (uses_full_revision_fields(h)) {
    const uint32_t full = rev.value();
    if (full >= h.min_rev_full && full <= h.max_rev_full) return Status::Ok();
    const std::string max = h.max_rev_full == 0xFFFF ? "max rev not set" : rev_text(h.max_rev_full);
    return make_error(Errc::kChipMismatch,
                      strprintf("%s requires chip revision in range [%s - %s] (this chip is "
                                "revision %s). Use --force to flash anyway.",
                                name.c_str(), rev_text(h.min_rev_full).c_str(), max.c_str(),
                                rev_text(full).c_str()));
  }
  // IDF puts the minor revision in min_rev for ESP32-C3 and the major one elsewhere.
  const uint32_t have = std::string(chip.key) == "esp32c3" ? rev.minor : rev.major;
  if (have >= h.min_rev) return Status::Ok();
  return make_error(Errc::kChipMismatch,
                    strprintf("%s requires chip revision %u or higher (this chip is revision %u). "
                              "Use --force to flash anyway.",
                              name.c_str(), unsigned(h.min_rev), have));
}

}  // namespace

engine::Task<Result<bool>> read_secure_boot_enabled(engine::Link& link) {
  const engine::Session& s = link.session();
  if (s.chip == nullptr || s.chip->is_esp8266 || s.secure_download_mode) co_return false;
  chips::RegisterValues values;
  ESPT_CO_TRY(co_await read_registers(link, chips::security_registers(*s.chip), values));
  co_return chips::secure_boot_enabled(*s.chip, values);
}

Status check_write_allowed(const engine::Session& s, const std::vector<FlashFile>& files,
                           bool secure_boot) {
  if (s.chip == nullptr || s.chip->is_esp8266 || s.secure_download_mode) return Status::Ok();
  const chips::ChipInfo& chip = *s.chip;
  if (secure_boot) {
    for (const FlashFile& f : files) {
      if (f.offset < kProtectedEnd) {
        return make_error(Errc::kBadArgument,
                          "Secure Boot detected, writing to flash regions < 0x8000 is disabled to "
                          "protect the bootloader. Use --force to override, please use with "
                          "caution, otherwise it may brick your device!");
      }
    }
  }
  for (const FlashFile& f : files) {
    Result<image::ParsedImage> img = image::parse_image(f.data, chip, image::ParseDepth::kLayout);
    if (!img.ok() || !img.value().extended) continue;  // not an app image: nothing to check
    const image::ExtendedHeader& h = *img.value().extended;
    if (chip.image_chip_id && h.chip_id != *chip.image_chip_id) {
      return make_error(Errc::kChipMismatch,
                        strprintf("%s is not an %s image. Use --force to flash anyway.",
                                  f.name.c_str(), chip.name));
    }
    ESPT_TRY(check_revision(chip, s.revision, h, f.name));
  }
  return Status::Ok();
}

}  // namespace esptool::ops
