// Bootloader header patching (image-format.md §5; esptool v4.8.1 cmds.py
// _update_image_flash_params). Messages are esptool's, word for word.
#include "core/image/flash_params.h"

#include <algorithm>

#include "core/image/firmware_image.h"
#include "core/util/sha256.h"

namespace esptool::image {
namespace {

constexpr size_t kShaLen = 32;
constexpr size_t kAppendDigestOffset = 8 + 15;  // last byte of the extended header
constexpr size_t kChipIdOffset = 12;

std::string joined_names(chips::RowList<chips::CodeName> table) {
  std::string s;
  for (const auto& e : table) {
    if (!s.empty()) s += ", ";
    s += e.name;
  }
  return s;
}

// esptool's parse attempt prints the chip-id warning while reading the extended header, before
// a later part of the image can fail; on failure we still owe the user that line.
void warn_chip_id_before_failure(std::span<const uint8_t> data, const chips::ChipInfo& chip,
                                 std::vector<std::string>& lines) {
  if (chip.is_esp8266 || !chip.image_chip_id || data.size() < 24) return;
  const uint16_t id = read_le16(data.data() + kChipIdOffset);
  if (id == *chip.image_chip_id) return;
  lines.push_back(
      strprintf("Unexpected chip id in image. Expected %d but value was %d. Is this "
                "image for a different chip model?",
                int(*chip.image_chip_id), int(id)));
}

// The new byte 2 and byte 3, or the error esptool raises for a value this chip does not know
// (checked in esptool's order: mode, frequency, size).
Result<std::pair<uint8_t, uint8_t>> new_params(std::span<const uint8_t> data,
                                               const chips::ChipInfo& chip,
                                               const FlashParamsRequest& req) {
  uint8_t mode = data[2];
  if (req.mode != "keep") {
    auto code = chips::flash_mode_code(req.mode);
    if (!code) {
      return make_error(Errc::kBadArgument,
                        "argument --flash_mode/-fm: invalid choice: '" + req.mode +
                            "' (choose from 'keep', 'qio', 'qout', 'dio', 'dout')");
    }
    mode = *code;
  }
  uint8_t freq = data[3] & 0x0F;
  if (req.freq != "keep") {
    auto code = chip.flash_freq_code(req.freq);
    if (!code) {
      return make_error(Errc::kBadArgument,
                        "Flash frequency '" + req.freq +
                            "' is not supported by this chip type. Supported frequencies: " +
                            joined_names(chip.flash_freqs));
    }
    freq = *code;
  }
  uint8_t size = data[3] & 0xF0;
  if (req.size != "keep") {
    auto code = chip.flash_size_code(req.size);
    if (!code) {
      return make_error(Errc::kBadArgument,
                        "Flash size '" + req.size +
                            "' is not supported by this chip type. Supported sizes: " +
                            joined_names(chip.flash_sizes));
    }
    size = *code;
  }
  return std::pair<uint8_t, uint8_t>{mode, uint8_t(size + freq)};
}

void append_warnings(const ParsedImage& image, std::vector<std::string>& lines) {
  lines.insert(lines.end(), image.warnings.begin(), image.warnings.end());
}

}  // namespace

Status update_image_flash_params(Bytes& data, uint32_t address, const chips::ChipInfo& chip,
                                 const FlashParamsRequest& req, std::vector<std::string>& lines) {
  if (data.size() < 8) return Status::Ok();  // too short to be a bootloader image
  if (address != chip.bootloader_offset) return Status::Ok();
  if (req.mode == "keep" && req.freq == "keep" && req.size == "keep") return Status::Ok();
  if (data[0] != kImageMagic) {
    lines.push_back(
        strprintf("Warning: Image file at 0x%x doesn't look like an image file, so "
                  "not changing any flash settings.",
                  address));
    return Status::Ok();
  }
  // Encrypted data can start with 0xE9 by chance: only a whole valid image is patched.
  auto parsed = parse_image(data, chip, ParseDepth::kLayout);
  if (!parsed.ok()) {
    warn_chip_id_before_failure(data, chip, lines);
    lines.push_back(
        strprintf("Warning: Image file at 0x%x is not a valid %s image, so not "
                  "changing any flash settings.",
                  address, chip.name));
    return Status::Ok();
  }
  append_warnings(parsed.value(), lines);
  const bool sha_appended = !chip.is_esp8266 && data[kAppendDigestOffset] == 1;

  ESPT_ASSIGN(params, new_params(data, chip, req));
  if (params.first != data[2] || params.second != data[3]) {
    data[2] = params.first;
    data[3] = params.second;
    lines.push_back(strprintf("Flash params set to 0x%04x", (params.first << 8) | params.second));
  }
  if (sha_appended) {
    // The digest covers the header just changed; esptool re-parses (printing its warnings
    // again) to find where the digest sits, and keeps whatever follows it (merged images).
    auto reparsed = parse_image(data, chip, ParseDepth::kLayout);
    if (!reparsed.ok()) return reparsed.error();
    append_warnings(reparsed.value(), lines);
    const size_t length = reparsed.value().data_length;
    const Bytes digest = util::sha256(std::span<const uint8_t>(data.data(), length));
    if (data.size() < length + kShaLen) data.resize(length + kShaLen);
    std::copy(digest.begin(), digest.end(), data.begin() + length);
    lines.push_back("SHA digest in image updated");
  }
  return Status::Ok();
}

}  // namespace esptool::image
