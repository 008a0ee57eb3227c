// checkFlashLayout(files [{offset, data, name?}], chipKey | '', flashSizeBytes | null): the page's
// refusals before a write (core/image/flash_layout.h). Resolves to {ok: true, value: null} or
// {ok: false, error}. imageChip(bytes): parses a part as a firmware image, as image_info would
// (chip from the extended header, else ESP8266), and names the chip its extended header is built
// for: {ok: true, value: {chipIdName: string | null}} or {ok: false, error} when it is no image.
// Both live in the device module, so an install checks its parts without the offline tools.
#include <emscripten/bind.h>

#include "core/image/firmware_image.h"
#include "core/image/flash_layout.h"
#include "wasm/convert.h"

namespace esptool::wasm {
namespace {

val check_flash_layout(val list, std::string chip_key, val flash_size) {
  std::vector<image::AddressedFile> files;
  const unsigned n = list["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const val f = list[i];
    image::AddressedFile file{0, strprintf("file %u", i + 1), to_bytes(f["data"])};
    read(f, "offset", file.address);
    read(f, "name", file.name);
    files.push_back(std::move(file));
  }
  const chips::ChipInfo* chip = chip_key.empty() ? nullptr : chips::find_chip(chip_key);
  std::optional<uint32_t> size;
  if (flash_size.isNumber()) size = flash_size.as<uint32_t>();
  Status s = image::check_flash_layout(files, chip, size);
  return s.ok() ? ok(val::null()) : fail(s.error());
}

val image_chip(val bytes) {
  const Bytes data = to_bytes(bytes);
  auto parsed =
      image::parse_image(data, image::detect_image_chip(data), image::ParseDepth::kLayout);
  if (!parsed.ok()) return fail(parsed.error());
  const chips::ChipInfo* owner = nullptr;
  if (parsed.value().extended) owner = chips::find_chip_by_image_id(parsed.value().extended->chip_id);
  val v = val::object();
  v.set("chipIdName", owner ? val(std::string(owner->name)) : val::null());
  return ok(v);
}

}  // namespace

EMSCRIPTEN_BINDINGS(esptool_layout) {
  emscripten::function("checkFlashLayout", &check_flash_layout);
  emscripten::function("imageChip", &image_chip);
}

}  // namespace esptool::wasm
