#include "wasm/device_request_value.h"

#include "core/base/bytes.h"
#include "wasm/convert.h"

namespace esptool::wasm {

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
