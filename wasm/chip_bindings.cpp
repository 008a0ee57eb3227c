// Calls (wasm/c_abi.h): facts from the chip table that forms need to offer valid choices (chip
// list, flash sizes and frequencies per chip, flash modes, USB ids), and this package's version
// and the esptool.py release it matches. Read-only data; no rules. In every module.
#include <cctype>

#include "core/chips/chip.h"
#include "core/chips/usb_ids.h"
#include "core/cli/version.h"
#include "wasm/c_abi.h"

namespace {

using namespace esptool;
using namespace esptool::wasm;

void names(JsonWriter& w, const chips::RowList<chips::CodeName>& table) {
  w.begin_array();
  for (const auto& e : table) w.value(e.name);
  w.end_array();
}

void chip_list(Call& c) {
  JsonWriter& w = c.out().begin_array();
  for (const chips::ChipInfo* chip : chips::all_chips()) {
    w.begin_object();
    w.key("key").value(chip->key);
    w.key("name").value(chip->name);
    w.key("isBeta").value(chip->is_beta);
    w.key("isEsp8266").value(chip->is_esp8266);
    w.key("bootloaderOffset").value(chip->bootloader_offset);
    names(w.key("flashSizes"), chip->flash_sizes);
    names(w.key("flashFreqs"), chip->flash_freqs);
    w.key("mmuPageSizes").begin_array();
    for (uint32_t p : chip->mmu_page_sizes) w.value(p);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void flash_modes(Call& c) {
  JsonWriter& w = c.out().begin_array();
  for (uint8_t code = 0; const char* name = chips::flash_mode_name(code); ++code) {
    std::string lower(name);
    for (char& ch : lower) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    w.value(lower);
  }
  w.end_array();
}

// [{vendorId, productId (0: any), name, kind: 'usb-jtag-serial'|'usb-otg'|'bridge'}]
void usb_serial_id_list(Call& c) {
  JsonWriter& w = c.out().begin_array();
  for (const chips::UsbSerialId& id : chips::usb_serial_ids()) {
    w.begin_object();
    w.key("vendorId").value(uint32_t(id.vendor_id));
    w.key("productId").value(uint32_t(id.product_id));
    w.key("name").value(id.name);
    w.key("kind").value(id.kind == chips::UsbPortKind::kUsbJtagSerial ? "usb-jtag-serial"
                        : id.kind == chips::UsbPortKind::kUsbOtg      ? "usb-otg"
                                                                      : "bridge");
    w.end_object();
  }
  w.end_array();
}

void esptool_version(Call& c) { c.out().value(cli::kEsptoolVersion); }
void version(Call& c) { c.out().value(cli::kVersion); }

const CallEntry kCalls[] = {
    {"chips", chip_list},        {"usbSerialIds", usb_serial_id_list},
    {"flashModes", flash_modes}, {"esptoolVersion", esptool_version},
    {"version", version},
};
const RegisterCalls kRegistered(kCalls, std::size(kCalls));

}  // namespace
