// ParsedCommand (argparse dests, values as decimal strings) -> DeviceRequest fields. The parser
// has already checked choices and number syntax; what is left here is range (32-bit values),
// options we do not implement, and the file bytes.
#include "core/cli/device_plan.h"

#include "core/cli/values.h"
#include "core/ops/check_request.h"
#include "core/util/py_int.h"

namespace esptool::cli {
namespace {

using util::parse_decimal_int;

// DeviceRequest::size for read_flash/erase_region "ALL".
constexpr uint32_t kSizeAll = 0xFFFFFFFF;

Error unsupported(const std::string& what) {
  return make_error(Errc::kBadArgument, what + " is not supported by esptool-wasm",
                    "Use esptool.py for this; esptool-wasm covers plain (unencrypted) flashing.");
}

std::optional<std::string> global(const ParsedCommand& cmd, const char* dest) {
  auto it = cmd.global.find(dest);
  if (it == cmd.global.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

Result<uint32_t> u32(const ParsedCommand& cmd, const char* dest, const char* name) {
  const std::optional<int64_t> v = cmd.get_int(dest);
  if (!v || *v < 0 || *v > int64_t(UINT32_MAX)) {
    return make_error(Errc::kBadArgument,
                      strprintf("%s %s is out of range (0 to 0xffffffff)", name,
                                cmd.get(dest).value_or("?").c_str()));
  }
  return uint32_t(*v);
}

// "all" (arg_auto_size) or a 32-bit number.
Result<uint32_t> size_arg(const ParsedCommand& cmd) {
  if (cmd.get("size") == "all") return kSizeAll;
  return u32(cmd, "size", "size");
}

// --spi-connection: SPI = 0, HSPI = 1, or the five pins packed as the ROM takes them
// (esptool/__init__.py _define_spi_conn@v4.8.1: HD<<24 | CS<<18 | D<<12 | Q<<6 | CLK).
Result<std::optional<uint32_t>> spi_connection(const ParsedCommand& cmd) {
  const std::optional<std::string> v = cmd.get("spi_connection");
  if (!v) return std::optional<uint32_t>();
  if (*v == "SPI") return std::optional<uint32_t>(0);
  if (*v == "HSPI") return std::optional<uint32_t>(1);
  uint32_t pins[5] = {};
  size_t at = 0;
  for (int i = 0; i < 5; ++i) {
    const size_t comma = v->find(',', at);
    const auto pin = parse_decimal_int(v->substr(at, comma - at));
    if (!pin || *pin < 0 || *pin > 63) {
      return make_error(Errc::kBadArgument,
                        strprintf("--spi-connection %s: pin numbers must be 0 to 63", v->c_str()));
    }
    pins[i] = uint32_t(*pin);
    at = comma + 1;
  }
  const uint32_t packed = (pins[3] << 24) | (pins[4] << 18) | (pins[2] << 12) | (pins[1] << 6) | pins[0];
  return std::optional<uint32_t>(packed);
}

// Stores a converted number, or passes its error on.
Status set(uint32_t& out, const Result<uint32_t>& v) {
  if (!v.ok()) return v.error();
  out = v.value();
  return Status::Ok();
}

Status check_supported(const ParsedCommand& cmd) {
  if (cmd.command == "read_flash_sfdp") return unsupported("read_flash_sfdp");
  if (cmd.flag("encrypt") || !cmd.list("encrypt_files").empty()) {
    return unsupported("Encrypted flashing (--encrypt, --encrypt-files)");
  }
  if (global(cmd, "override_vddsdio")) return unsupported("--override-vddsdio");
  if (cmd.flag("verify") && cmd.flag("no_verify")) {
    return make_error(Errc::kBadArgument, "--verify and --no-verify contradict each other");
  }
  return Status::Ok();
}

Status fill_globals(const ParsedCommand& cmd, ops::DeviceRequest& r) {
  r.chip = cmd.chip();
  r.before = global(cmd, "before").value_or(r.before);
  r.after = global(cmd, "after").value_or(r.after);
  r.no_stub = global(cmd, "no_stub").has_value();
  r.recover = !global(cmd, "no_recover").has_value();
  const int64_t baud = parse_decimal_int(global(cmd, "baud").value_or("115200")).value_or(-1);
  if (baud <= 0 || baud > int64_t(UINT32_MAX)) {
    return make_error(Errc::kBadArgument, "--baud must be a positive number of bits per second");
  }
  r.baud = uint32_t(baud);
  r.connect_attempts = int(parse_decimal_int(global(cmd, "connect_attempts").value_or("7")).value_or(7));
  return Status::Ok();
}

Status fill_flash_files(const ParsedCommand& cmd, const InputFiles& inputs, ops::DeviceRequest& r) {
  for (const image::AddressPath& f : cmd.address_files()) {
    auto it = inputs.find(f.path);
    if (it == inputs.end()) {
      return make_error(Errc::kFileNotFound,
                        strprintf("File not found or not readable: '%s'", f.path.c_str()));
    }
    r.files.push_back(ops::FlashFile{f.address, it->second, f.path});
  }
  r.flash_mode = cmd.get("flash_mode").value_or("keep");
  r.flash_freq = cmd.get("flash_freq").value_or("keep");
  r.flash_size = cmd.get("flash_size").value_or("keep");
  return Status::Ok();
}

Status fill_command(const ParsedCommand& cmd, const InputFiles& inputs, ops::DeviceRequest& r) {
  const std::string& c = cmd.command;
  ESPT_ASSIGN(spi, spi_connection(cmd));
  r.spi_connection = spi;
  r.force = cmd.flag("force");
  if (c == "write_flash" || c == "verify_flash") ESPT_TRY(fill_flash_files(cmd, inputs, r));
  if (c == "write_flash") {
    if (cmd.flag("compress")) r.compress = true;
    if (cmd.flag("no_compress")) r.compress = false;
    r.erase_all = cmd.flag("erase_all");
    r.skip_unchanged = cmd.flag("skip_unchanged");
    r.verify = !cmd.flag("no_verify");
  }
  if (c == "verify_flash") r.diff = cmd.get("diff") == "yes";
  if (c == "read_flash") r.flash_size = cmd.get("flash_size").value_or("keep");
  if (cmd.get("address")) ESPT_TRY(set(r.address, u32(cmd, "address", "address")));
  if (cmd.get("size")) ESPT_TRY(set(r.size, size_arg(cmd)));
  if (cmd.get("value")) ESPT_TRY(set(r.value, u32(cmd, "value", "value")));
  if (cmd.get("mask")) ESPT_TRY(set(r.mask, u32(cmd, "mask", "mask")));
  if (cmd.get("bytes")) r.status_bytes = uint32_t(cmd.get_int("bytes").value_or(2));
  r.non_volatile = cmd.flag("non_volatile");
  if (c == "load_ram") {
    const std::string path = cmd.get("filename").value_or("");
    auto it = inputs.find(path);
    if (it == inputs.end()) {
      return make_error(Errc::kFileNotFound,
                        strprintf("File not found or not readable: '%s'", path.c_str()));
    }
    r.image = it->second;
  }
  return Status::Ok();
}

}  // namespace

Result<DevicePlan> plan_device_command(const ParsedCommand& cmd) {
  ESPT_TRY(check_supported(cmd));
  DevicePlan plan;
  plan.port = global(cmd, "port").value_or("");
  auto filter_args = cmd.global.find("port_filter");
  if (filter_args != cmd.global.end()) {
    ESPT_ASSIGN(filter, parse_port_filter(filter_args->second));
    plan.port_filter = std::move(filter);
  }
  plan.input_paths = cmd.input_paths();
  if (cmd.command == "read_flash" || cmd.command == "dump_mem") plan.output_path = cmd.get("filename");
  plan.no_progress = cmd.flag("no_progress");
  plan.trace = global(cmd, "trace").has_value();
  // esptool/__init__.py get_default_connected_device@v4.8.1 names the port before connecting;
  // when scanning, the caller prints it for each port it tries.
  if (!plan.port.empty()) plan.lines.push_back("Serial port " + plan.port);
  return plan;
}

Result<ops::DeviceRequest> device_request(const ParsedCommand& cmd, const InputFiles& inputs,
                                          stub::StubFiles stubs) {
  ESPT_TRY(check_supported(cmd));
  ops::DeviceRequest r;
  r.command = cmd.command;
  ESPT_TRY(fill_globals(cmd, r));
  ESPT_TRY(fill_command(cmd, inputs, r));
  r.stubs = std::move(stubs);
  ESPT_TRY(ops::check_device_request(r));
  return r;
}

}  // namespace esptool::cli
