#include "wasm/device_request_value.h"

#include "core/base/bytes.h"
#include "wasm/convert.h"

namespace esptool::wasm {
namespace {

// DeviceRequest::size for "ALL" (read_flash, erase_region); JS may also write size: 'all'.
constexpr uint32_t kSizeAll = 0xFFFFFFFF;

std::vector<ops::FlashFile> files_from_js(const val& list) {
  std::vector<ops::FlashFile> out;
  if (list.isUndefined() || list.isNull()) return out;
  const unsigned n = list["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const val f = list[i];
    ops::FlashFile file{0, to_bytes(f["data"]), ""};
    read(f, "offset", file.offset);
    read(f, "name", file.name);
    if (file.name.empty()) file.name = strprintf("file %u", i + 1);
    out.push_back(std::move(file));
  }
  return out;
}

}  // namespace

ops::DeviceRequest device_request_from_js(const val& o) {
  ops::DeviceRequest r;
  read(o, "command", r.command);
  read(o, "chip", r.chip);
  read(o, "before", r.before);
  read(o, "after", r.after);
  read(o, "baud", r.baud);
  read(o, "noStub", r.no_stub);
  read(o, "connectAttempts", r.connect_attempts);
  read(o, "recover", r.recover);
  read(o, "usbJtagSerial", r.usb_jtag_serial);
  read(o, "portKind", r.port_kind);
  read(o, "usbPid", r.usb_pid);
  read(o, "spiConnection", r.spi_connection);
  r.stubs = to_bytes_map(has(o, "stubs") ? o["stubs"] : val::undefined());
  read(o, "stubsOnDemand", r.stubs_on_demand);
  r.files = files_from_js(has(o, "files") ? o["files"] : val::undefined());
  read(o, "flashMode", r.flash_mode);
  read(o, "flashFreq", r.flash_freq);
  read(o, "flashSize", r.flash_size);
  read(o, "compress", r.compress);
  read(o, "hostDeflates", r.host_deflates);
  read(o, "verify", r.verify);
  read(o, "skipUnchanged", r.skip_unchanged);
  read(o, "eraseAll", r.erase_all);
  read(o, "force", r.force);
  read(o, "diff", r.diff);
  read(o, "address", r.address);
  if (has(o, "size") && o["size"].isString()) {
    r.size = o["size"].as<std::string>() == "all" ? kSizeAll : 0;
  } else {
    read(o, "size", r.size);
  }
  read(o, "value", r.value);
  read(o, "mask", r.mask);
  read(o, "statusBytes", r.status_bytes);
  read(o, "nonVolatile", r.non_volatile);
  if (has(o, "image")) r.image = to_bytes(o["image"]);
  return r;
}

val device_request_to_js(const ops::DeviceRequest& r) {
  val o = val::object();
  o.set("command", r.command);
  o.set("chip", r.chip);
  o.set("before", r.before);
  o.set("after", r.after);
  o.set("baud", r.baud);
  o.set("noStub", r.no_stub);
  o.set("connectAttempts", r.connect_attempts);
  o.set("recover", r.recover);
  o.set("usbJtagSerial", r.usb_jtag_serial);
  o.set("portKind", r.port_kind);
  if (r.usb_pid) o.set("usbPid", *r.usb_pid);
  if (r.spi_connection) o.set("spiConnection", *r.spi_connection);
  val stubs = val::object();
  for (const auto& [name, bytes] : r.stubs) stubs.set(name, to_uint8array(bytes));
  o.set("stubs", stubs);
  o.set("stubsOnDemand", r.stubs_on_demand);
  val files = val::array();
  for (const auto& f : r.files) {
    val file = val::object();
    file.set("offset", f.offset);
    file.set("name", f.name);
    file.set("data", to_uint8array(f.data));
    files.call<void>("push", file);
  }
  o.set("files", files);
  o.set("flashMode", r.flash_mode);
  o.set("flashFreq", r.flash_freq);
  o.set("flashSize", r.flash_size);
  if (r.compress) o.set("compress", *r.compress);
  o.set("verify", r.verify);
  o.set("skipUnchanged", r.skip_unchanged);
  o.set("eraseAll", r.erase_all);
  o.set("force", r.force);
  o.set("diff", r.diff);
  o.set("address", r.address);
  o.set("size", r.size);
  o.set("value", r.value);
  o.set("mask", r.mask);
  o.set("statusBytes", r.status_bytes);
  o.set("nonVolatile", r.non_volatile);
  o.set("image", to_uint8array(r.image));
  return o;
}

}  // namespace esptool::wasm
