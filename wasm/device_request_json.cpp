#include "wasm/device_request_json.h"

#include <utility>

namespace esptool::wasm {
namespace {

// DeviceRequest::size for "ALL" (read_flash, erase_region); JS may also write size: 'all'.
constexpr uint32_t kSizeAll = 0xFFFFFFFF;

std::vector<ops::FlashFile> files_from_json(Call& c, const JsonValue& list) {
  std::vector<ops::FlashFile> out;
  for (size_t i = 0; i < list.size(); ++i) {
    const JsonValue& f = list[i];
    ops::FlashFile file{0, c.bytes(f["data"]), ""};
    read(f, "offset", file.offset);
    read(f, "name", file.name);
    if (file.name.empty()) file.name = strprintf("file %u", unsigned(i + 1));
    out.push_back(std::move(file));
  }
  return out;
}

using R = ops::DeviceRequest;
// Tables rather than one read() call per field: the page's device module carries this, and
// a call per field cost 4.5 KB of wasm.
const std::pair<const char*, std::string R::*> kTexts[] = {
    {"command", &R::command},      {"chip", &R::chip},
    {"before", &R::before},        {"after", &R::after},
    {"portKind", &R::port_kind},   {"flashMode", &R::flash_mode},
    {"flashFreq", &R::flash_freq}, {"flashSize", &R::flash_size},
};
const std::pair<const char*, bool R::*> kFlags[] = {
    {"noStub", &R::no_stub},
    {"recover", &R::recover},
    {"usbJtagSerial", &R::usb_jtag_serial},
    {"stubsOnDemand", &R::stubs_on_demand},
    {"hostDeflates", &R::host_deflates},
    {"verify", &R::verify},
    {"skipUnchanged", &R::skip_unchanged},
    {"eraseAll", &R::erase_all},
    {"force", &R::force},
    {"diff", &R::diff},
    {"nonVolatile", &R::non_volatile},
};
const std::pair<const char*, uint32_t R::*> kNumbers[] = {
    {"baud", &R::baud},   {"address", &R::address}, {"size", &R::size},
    {"value", &R::value}, {"mask", &R::mask},       {"statusBytes", &R::status_bytes},
};
const std::pair<const char*, std::optional<uint32_t> R::*> kOptionalNumbers[] = {
    {"usbPid", &R::usb_pid},
    {"spiConnection", &R::spi_connection},
};

}  // namespace

ops::DeviceRequest device_request_from_json(Call& c, const JsonValue& o) {
  R r;
  for (const auto& [key, field] : kTexts) read(o, key, r.*field);
  for (const auto& [key, field] : kFlags) read(o, key, r.*field);
  for (const auto& [key, field] : kNumbers) read(o, key, r.*field);
  for (const auto& [key, field] : kOptionalNumbers) read(o, key, r.*field);
  read(o, "connectAttempts", r.connect_attempts);
  read(o, "compress", r.compress);
  if (o["size"].is_string()) r.size = o["size"].as_string() == "all" ? kSizeAll : 0;
  const JsonValue& stubs = o["stubs"];
  for (size_t i = 0; i < stubs.size() && stubs.is_object(); ++i) {
    r.stubs[stubs.key(i)] = c.bytes(stubs[i]);
  }
  r.files = files_from_json(c, o["files"]);
  if (o.has("image")) r.image = c.bytes(o["image"]);
  return r;
}

}  // namespace esptool::wasm

namespace esptool::wasm {

void write_device_request(Call& c, ops::DeviceRequest r) {
  JsonWriter& w = c.out().begin_object();
  for (const auto& [key, field] : kTexts) w.key(key).value(r.*field);
  for (const auto& [key, field] : kFlags) w.key(key).value(r.*field);
  for (const auto& [key, field] : kNumbers) w.key(key).value(r.*field);
  for (const auto& [key, field] : kOptionalNumbers)
    if (r.*field) w.key(key).value(*(r.*field));
  w.key("connectAttempts").value(r.connect_attempts);
  if (r.compress) w.key("compress").value(*r.compress);
  w.key("stubs").begin_object();
  for (auto& [name, bytes] : r.stubs) {
    w.key(name);
    c.put_bytes(std::move(bytes));
  }
  w.end_object();
  w.key("files").begin_array();
  for (ops::FlashFile& f : r.files) {
    w.begin_object().key("offset").value(f.offset).key("name").value(f.name).key("data");
    c.put_bytes(std::move(f.data));
    w.end_object();
  }
  w.end_array();
  w.key("image");
  c.put_bytes(std::move(r.image));
  w.end_object();
}

}  // namespace esptool::wasm
