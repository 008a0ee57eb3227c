// Address/file pairs: Python int(x, 0) parsing, Intel HEX inputs, the sector overlap rule.
#include "core/image/address_pairs.h"

#include <optional>

#include "core/base/sort_few.h"
#include "core/image/intel_hex.h"
#include "core/util/py_int.h"

namespace esptool::image {
namespace {

// esptool/loader.py ESPLoader.FLASH_SECTOR_SIZE.
constexpr int64_t kSectorSize = 0x1000;

Error not_a_number(std::string_view text) {
  return make_error(Errc::kBadArgument, "Address \"" + std::string(text) + "\" must be a number",
                    "Write addresses as 0x1000 (hexadecimal) or 4096 (decimal).");
}

}  // namespace

Result<uint32_t> parse_address(std::string_view text) {
  const auto value = util::parse_auto_int(text);
  if (!value) return not_a_number(text);
  if (*value < 0 || *value > 0xFFFFFFFFll) {
    return make_error(Errc::kBadArgument,
                      "Address \"" + std::string(text) + "\" is outside the 32-bit address space");
  }
  return uint32_t(*value);
}

Result<std::vector<AddressPath>> parse_address_pairs(std::span<const std::string> words) {
  std::vector<AddressPath> pairs;
  for (size_t i = 0; i < words.size(); i += 2) {
    ESPT_ASSIGN(address, parse_address(words[i]));
    if (i + 1 >= words.size()) {
      return make_error(Errc::kBadArgument,
                        "Must be pairs of an address and the binary filename to write there");
    }
    pairs.push_back(AddressPath{address, words[i + 1]});
  }
  return pairs;
}

Status convert_hex_inputs(std::vector<AddressedFile>& files) {
  for (auto& f : files) {
    if (!looks_like_intel_hex(f.data)) continue;
    auto bin = intel_hex_to_bin(f.data, f.address);
    if (bin.ok()) {
      f.data = std::move(bin).value();
    } else if (bin.error().code != Errc::kInvalidImage) {
      // esptool only falls back to raw on record errors; anything else aborts it.
      Error e = bin.error();
      e.detail = f.name + ": " + e.detail;
      return e;
    }
  }
  return Status::Ok();
}

Status check_overlap(const std::vector<AddressedFile>& files) {
  std::vector<const AddressedFile*> sorted;
  for (const auto& f : files) sorted.push_back(&f);
  sort_few_by(sorted, [](const AddressedFile* f) { return f->address; });
  int64_t end = 0;  // last byte of the previous file's last sector; -1 after an empty file at 0
  for (const AddressedFile* f : sorted) {
    const int64_t start = int64_t(f->address) & ~(kSectorSize - 1);
    const int64_t sector_end =
        ((int64_t(f->address) + int64_t(f->data.size()) + kSectorSize - 1) & ~(kSectorSize - 1)) -
        1;
    if (start < end) {
      return make_error(
          Errc::kOverlap,
          strprintf("Detected overlap at address: 0x%x for file: %s", f->address, f->name.c_str()),
          "Files share a 4 KiB flash sector; move one to a sector boundary.");
    }
    end = sector_end;
  }
  return Status::Ok();
}

Status prepare_address_files(std::vector<AddressedFile>& files) {
  ESPT_TRY(convert_hex_inputs(files));
  return check_overlap(files);
}

}  // namespace esptool::image
