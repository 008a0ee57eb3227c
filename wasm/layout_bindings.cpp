// Calls (wasm/c_abi.h). checkFlashLayout(files [{offset, data, name?}], chipKey | '',
// flashSizeBytes | null): the page's refusals before a write (core/image/flash_layout.h), as
// {ok: true, value: null} or {ok: false, error}. imageChip(bytes): parses a part as a firmware
// image, as image_info would (chip from the extended header, else ESP8266), and names the chip its
// extended header is built for: {ok: true, value: {chipIdName: string | null}} or {ok: false,
// error} when it is no image. Both live in the device module, so an install checks its parts
// without the offline tools.
#include "core/image/firmware_image.h"
#include "core/image/flash_layout.h"
#include "wasm/c_abi.h"

namespace esptool::wasm {
namespace {

void check_flash_layout(Call& c) {
  const JsonValue& list = c.arg(0);
  std::vector<image::AddressedFile> files;
  for (size_t i = 0; i < list.size(); ++i) {
    const JsonValue& f = list[i];
    image::AddressedFile file{0, strprintf("file %u", unsigned(i + 1)), c.bytes(f["data"])};
    read(f, "offset", file.address);
    read(f, "name", file.name);
    files.push_back(std::move(file));
  }
  const std::string& chip_key = c.arg(1).as_string();
  const chips::ChipInfo* chip = chip_key.empty() ? nullptr : chips::find_chip(chip_key);
  std::optional<uint32_t> size;
  if (c.arg(2).is_number()) size = uint32_t(int64_t(c.arg(2).as_number()));
  const Status s = image::check_flash_layout(files, chip, size);
  if (!s.ok()) return write_status(c.out(), s);
  c.out().begin_object().key("ok").value(true).key("value").null().end_object();
}

void image_chip(Call& c) {
  const Bytes data = c.bytes_arg(0);
  auto parsed =
      image::parse_image(data, image::detect_image_chip(data), image::ParseDepth::kLayout);
  if (!parsed.ok()) return write_status(c.out(), parsed.error());
  const chips::ChipInfo* owner = nullptr;
  if (parsed.value().extended)
    owner = chips::find_chip_by_image_id(parsed.value().extended->chip_id);
  JsonWriter& w = c.out().begin_object().key("ok").value(true).key("value").begin_object();
  w.key("chipIdName");
  owner ? w.value(owner->name) : w.null();
  w.end_object().end_object();
}

const CallEntry kCalls[] = {
    {"checkFlashLayout", check_flash_layout},
    {"imageChip", image_chip},
};
const RegisterCalls kRegistered(kCalls, std::size(kCalls));

}  // namespace
}  // namespace esptool::wasm
