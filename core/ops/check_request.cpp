// Each check names the option as esptool.py spells it, so a CLI user and a JS caller read the
// same sentence. Messages that esptool itself prints for the same mistake keep its words.
#include "core/ops/check_request.h"

#include <algorithm>

#include "core/chips/chip.h"
#include "core/flash/jedec.h"
#include "core/image/address_pairs.h"

namespace esptool::ops {
namespace {

// esptool/loader.py ESPLoader.FLASH_SECTOR_SIZE.
constexpr uint32_t kSector = 0x1000;
// DeviceRequest::size for "ALL" (read_flash, erase_region).
constexpr uint32_t kSizeAll = 0xFFFFFFFF;

const char* const kCommands[] = {
    "write_flash", "read_flash", "erase_flash", "erase_region", "verify_flash", "read_mac",
    "chip_id", "flash_id", "get_security_info", "read_mem", "write_mem", "dump_mem",
    "load_ram", "run", "read_flash_status", "write_flash_status"};

Error bad(std::string message, std::string hint = {}) {
  return make_error(Errc::kBadArgument, std::move(message), std::move(hint));
}

bool one_of(const std::string& v, std::initializer_list<const char*> choices) {
  return std::any_of(choices.begin(), choices.end(), [&](const char* c) { return v == c; });
}

std::string choice_error(const char* option, const std::string& value, const char* choices) {
  return strprintf("%s '%s' is not one of %s", option, value.c_str(), choices);
}

Status check_globals(DeviceRequest& r) {
  if (r.chip != "auto") {
    const chips::ChipInfo* chip = chips::find_chip(r.chip);
    if (chip == nullptr) {
      return make_error(Errc::kUnknownChip,
                        strprintf("Unknown chip '%s' (choose from auto, %s)", r.chip.c_str(),
                                  chips::chip_choices().c_str()));
    }
    r.chip = chip->key;
  }
  if (!one_of(r.before, {"default_reset", "usb_reset", "no_reset", "no_reset_no_sync"})) {
    return bad(choice_error("--before", r.before,
                            "default_reset, usb_reset, no_reset, no_reset_no_sync"));
  }
  if (!one_of(r.after, {"hard_reset", "soft_reset", "no_reset", "no_reset_stub"})) {
    return bad(choice_error("--after", r.after, "hard_reset, soft_reset, no_reset, no_reset_stub"));
  }
  if (r.baud == 0) return bad("--baud must be a positive number of bits per second");
  return Status::Ok();
}

Status check_flash_params(const DeviceRequest& r) {
  if (r.flash_mode != "keep" && !chips::flash_mode_code(r.flash_mode)) {
    return bad(choice_error("--flash_mode", r.flash_mode, "keep, qio, qout, dio, dout"));
  }
  const bool size_ok = one_of(r.flash_size, {"keep", "detect", "2MB-c1", "4MB-c1"}) ||
                       flash::flash_size_bytes(r.flash_size).has_value();
  if (!size_ok) {
    return bad(choice_error("--flash_size", r.flash_size, "keep, detect or a size such as 4MB"));
  }
  return Status::Ok();
}

// write_flash / verify_flash: at least one file, Intel HEX converted, no shared sectors.
Status check_files(DeviceRequest& r) {
  if (r.files.empty()) {
    return bad("Must be pairs of an address and the binary filename to write there");
  }
  std::vector<image::AddressedFile> files;
  for (FlashFile& f : r.files) files.push_back({f.offset, f.name, std::move(f.data)});
  Status prepared = image::prepare_address_files(files);
  for (size_t i = 0; i < files.size(); ++i) r.files[i].data = std::move(files[i].data);
  if (!prepared.ok()) return prepared;
  for (const FlashFile& f : r.files) {
    if (uint64_t(f.offset) + f.data.size() > (uint64_t(1) << 32)) {
      return bad(strprintf("File %s (length %zu) at offset 0x%x ends past the 4 GiB address space",
                           f.name.c_str(), f.data.size(), f.offset));
    }
  }
  if (r.command == "write_flash" && r.skip_unchanged && r.erase_all) {
    return bad("--skip-unchanged cannot be combined with --erase-all",
               "--erase-all wipes the flash, so nothing is left unchanged; drop one of them.");
  }
  return check_flash_params(r);
}

Status check_region(const DeviceRequest& r) {
  if (r.size == kSizeAll) return Status::Ok();
  if (uint64_t(r.address) + r.size > (uint64_t(1) << 32)) {
    return bad(strprintf("Region 0x%x + 0x%x ends past the 4 GiB address space", r.address, r.size));
  }
  return Status::Ok();
}

Status check_command(DeviceRequest& r) {
  const std::string& c = r.command;
  if (c == "write_flash" || c == "verify_flash") return check_files(r);
  if (c == "read_flash") {
    ESPT_TRY(check_flash_params(r));
    return check_region(r);
  }
  if (c == "erase_region") {
    // cmds.py erase_region@v4.8.1 raises these after connecting; we refuse before.
    if (r.address % kSector != 0) return bad("Offset to erase from must be a multiple of 4096");
    if (r.size != kSizeAll && r.size % kSector != 0) {
      return bad("Size of data to erase must be a multiple of 4096");
    }
    return check_region(r);
  }
  if (c == "dump_mem") return check_region(r);
  if (c == "load_ram" && r.image.empty()) {
    return bad("load_ram needs a firmware image file; the one given is empty");
  }
  if ((c == "read_flash_status" || c == "write_flash_status") &&
      (r.status_bytes < 1 || r.status_bytes > 3)) {
    return bad(strprintf("--bytes %u is not one of 1, 2, 3", r.status_bytes));
  }
  return Status::Ok();
}

}  // namespace

bool is_device_command(const std::string& command) {
  return std::any_of(std::begin(kCommands), std::end(kCommands),
                     [&](const char* c) { return command == c; });
}

uint32_t initial_baud(const DeviceRequest& request) {
  // loader.py ESPLoader.ESP_ROM_BAUD.
  constexpr uint32_t kRomBaud = 115200;
  if (request.before == "no_reset_no_sync") return request.baud;
  return std::min(kRomBaud, request.baud);
}

Status check_device_request(DeviceRequest& request) {
  if (!is_device_command(request.command)) {
    return bad(strprintf("'%s' is not a device command", request.command.c_str()),
                "Device commands: write_flash, read_flash, erase_flash, erase_region, "
                "verify_flash, read_mac, chip_id, flash_id, get_security_info, read_mem, "
                "write_mem, dump_mem, load_ram, run, read_flash_status, write_flash_status.");
  }
  ESPT_TRY(check_globals(request));
  return check_command(request);
}

}  // namespace esptool::ops
