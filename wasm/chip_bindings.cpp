// Embind: facts from the chip table that forms need to offer valid choices (chip list, flash
// sizes and frequencies per chip, flash modes). Read-only data; no rules.
#include <emscripten/bind.h>

#include "core/chips/chip.h"
#include "core/chips/usb_ids.h"
#include "wasm/convert.h"

namespace {

using emscripten::val;
using namespace esptool;
using namespace esptool::wasm;

val names(const std::vector<chips::CodeName>& table) {
  val out = val::array();
  for (const auto& e : table) out.call<void>("push", std::string(e.name));
  return out;
}

val chip_list() {
  val out = val::array();
  for (const chips::ChipInfo* c : chips::all_chips()) {
    val v = val::object();
    v.set("key", std::string(c->key));
    v.set("name", std::string(c->name));
    v.set("isBeta", c->is_beta);
    v.set("isEsp8266", c->is_esp8266);
    v.set("bootloaderOffset", c->bootloader_offset);
    v.set("flashSizes", names(c->flash_sizes));
    v.set("flashFreqs", names(c->flash_freqs));
    val pages = val::array();
    for (uint32_t p : c->mmu_page_sizes) pages.call<void>("push", p);
    v.set("mmuPageSizes", pages);
    out.call<void>("push", v);
  }
  return out;
}

val flash_modes() {
  val out = val::array();
  for (uint8_t code = 0; const char* name = chips::flash_mode_name(code); ++code) {
    std::string lower(name);
    for (char& ch : lower) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    out.call<void>("push", lower);
  }
  return out;
}

// [{vendorId, productId (0: any), name, kind: 'usb-jtag-serial'|'usb-otg'|'bridge'}]
val usb_serial_id_list() {
  val out = val::array();
  for (const chips::UsbSerialId& id : chips::usb_serial_ids()) {
    val v = val::object();
    v.set("vendorId", id.vendor_id);
    v.set("productId", id.product_id);
    v.set("name", std::string(id.name));
    v.set("kind", std::string(id.kind == chips::UsbPortKind::kUsbJtagSerial ? "usb-jtag-serial"
                              : id.kind == chips::UsbPortKind::kUsbOtg     ? "usb-otg"
                                                                            : "bridge"));
    out.call<void>("push", v);
  }
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(esptool_chips) {
  emscripten::function("chips", &chip_list);
  emscripten::function("usbSerialIds", &usb_serial_id_list);
  emscripten::function("flashModes", &flash_modes);
}
