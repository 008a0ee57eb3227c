// Theory of operation: the order follows esptool.py v4.8.1's main() (reset-and-boot.md §3-§5,
// serial-protocol.md §18): connect, describe, stub, baud, flash preparation, the command, then
// --after. Each step is its own op; this file only sequences them and maps command names.
#include "core/ops/device_command.h"

#include <algorithm>

#include "core/chips/identity.h"
#include "core/chips/security.h"
#include "core/chips/usb.h"
#include "core/flash/jedec.h"
#include "core/ops/attach_flash.h"
#include "core/ops/change_baud.h"
#include "core/ops/connect.h"
#include "core/ops/deflate_ahead.h"
#include "core/ops/describe_chip.h"
#include "core/ops/erase.h"
#include "core/ops/memory.h"
#include "core/ops/post_connect.h"
#include "core/ops/read_flash.h"
#include "core/ops/recovery.h"
#include "core/ops/reset_after.h"
#include "core/ops/run_stub.h"
#include "core/ops/spi_flash_command.h"
#include "core/ops/verify_flash.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"
#include "core/stub/stub_json.h"

namespace esptool::ops {
namespace {

using engine::Link;
using engine::Task;

constexpr uint32_t kReadAll = 0xFFFFFFFF;
const char* const kCommands[] = {"write_flash", "read_flash", "erase_flash", "erase_region",
                                 "verify_flash", "read_mac", "chip_id", "flash_id",
                                 "get_security_info", "read_mem", "write_mem", "dump_mem",
                                 "load_ram", "run", "read_flash_status", "write_flash_status"};

// "4MB" / "512KB": the spelling esptool's flash-size arguments use.
std::string size_name(uint32_t bytes) {
  return bytes >= (1u << 20) ? strprintf("%uMB", bytes >> 20) : strprintf("%uKB", bytes >> 10);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

bool takes_flash_size(const std::string& c) {
  return c == "write_flash" || c == "read_flash" || c == "verify_flash";
}

// "Configuring flash size..." as esptool's main() does it (serial-protocol.md §8): `detect` reads
// the JEDEC id and says what it found (4MB when unknown); `keep` reads it quietly and sends
// nothing when it is unknown; an explicit size is sent as given. Returns the size in bytes, if any.
Task<Result<std::optional<uint32_t>>> configure_flash_size(Link& link, const std::string& requested) {
  engine::Session& s = link.session();
  link.log("Configuring flash size...");
  std::string name;
  if (requested == "detect" || requested == "keep") {
    if (s.secure_download_mode) {
      if (requested == "detect") {
        co_return make_error(Errc::kBadArgument,
                             "Detecting flash size is not supported in secure download mode. "
                             "Need to manually specify flash size.");
      }
    } else {
      Result<uint32_t> id = co_await read_flash_id(link);
      if (!id.ok()) co_return id.error();
      const char* detected = flash::flash_size_from_jedec(id.value());
      if (requested == "detect") {
        if (detected == nullptr) {
          link.log(strprintf("WARNING: Could not auto-detect Flash size (FlashID=0x%x, SizeID=0x%x), "
                             "defaulting to 4MB",
                             id.value(), (id.value() >> 16) & 0xFF));
          name = "4MB";
        } else {
          link.log(std::string("Auto-detected Flash size: ") + detected);
          name = detected;
        }
      } else {
        if (detected != nullptr) name = detected;
        if (!s.is_stub) link.log("WARNING: In case of failure, please set a specific --flash_size.");
      }
    }
  } else {
    name = requested;
  }
  if (name.empty()) co_return std::optional<uint32_t>();
  const std::optional<uint32_t> size = flash::flash_size_bytes(name);
  if (!size) co_return make_error(Errc::kBadArgument, "Unknown flash size '" + name + "'");
  const bool rom_8266 = !s.is_stub && s.chip->is_esp8266;  // its ROM has no SPI_SET_PARAMS
  if (!rom_8266) {
    proto::SpiSetParams params{*size};
    Result<Bytes> r = co_await link.call(params, proto::kDefaultTimeoutMs);
    if (!r.ok()) co_return r.error();
  }
  if (s.is_stub && std::string(s.chip->key) != "esp32s3" && *size > (16u << 20)) {
    link.log("WARNING: Flasher stub doesn't fully support flash size larger than 16MB, in case of "
             "failure use --no-stub.");
  }
  co_return size;
}

Task<Status> flash_id_command(Link& link) {
  Result<uint32_t> id = co_await read_flash_id(link);
  if (!id.ok()) co_return id.error();
  for (const std::string& line : split_lines(flash::flash_id_text(id.value()))) link.log(line);
  link.report().facts.set_number("flash_id", id.value());
  // The detected size, for a caller that shows it (the page's chip card) without decoding ids.
  if (const char* size = flash::flash_size_from_jedec(id.value())) {
    link.report().facts.set_text("flash_size", size);
    link.report().facts.set_number("flash_size_bytes", *flash::flash_size_bytes(size));
  }
  co_return Status::Ok();
}

Task<Status> security_info_command(Link& link) {
  Result<Bytes> payload = co_await link.call(proto::Opcode::kGetSecurityInfo, Bytes{}, proto::kDefaultTimeoutMs);
  if (!payload.ok()) co_return payload.error();
  Result<chips::SecurityInfo> info = chips::parse_security_info(payload.value());
  if (!info.ok()) co_return info.error();
  // The lines go to the log and, as a list, to the report (the page's chip card shows them).
  std::vector<std::string> lines = split_lines(chips::security_info_text(*link.session().chip, info.value()));
  for (const std::string& line : lines) link.log(line);
  link.report().facts.set_list("security_info", std::move(lines));
  co_return Status::Ok();
}

Task<Status> write_flash_command(Link& link, DeviceRequest& req, image::FlashParamsRequest params,
                                 std::optional<uint32_t> flash_size, const Recovery* recovery) {
  WriteFlashOptions o;
  o.compress = req.compress;
  o.verify = req.verify;
  o.skip_unchanged = req.skip_unchanged;
  o.erase_all = req.erase_all;
  o.force = req.force;
  o.flash_params = std::move(params);
  o.flash_end = flash_size;
  o.recovery = recovery;
  Status w = co_await write_flash(link, std::move(req.files), o);
  co_return w;
}

Task<Status> read_flash_command(Link& link, const DeviceRequest& req, const Recovery* recovery) {
  uint32_t size = req.size;
  if (size == kReadAll) {
    // esptool reads the JEDEC id again for ALL, whatever --flash_size said.
    if (link.session().secure_download_mode) {
      co_return make_error(Errc::kBadArgument,
                           "Detecting flash size is not supported in secure download mode. Set "
                           "an exact size value.");
    }
    Result<uint32_t> id = co_await read_flash_id(link);
    if (!id.ok()) co_return id.error();
    const char* detected = flash::flash_size_from_jedec(id.value());
    if (detected == nullptr) {
      co_return make_error(Errc::kBadArgument,
                           "Detecting flash size failed. Set an exact size value.");
    }
    link.log(std::string("Detected flash size: ") + detected);
    const uint32_t total = *flash::flash_size_bytes(detected);
    if (req.address >= total) {
      co_return make_error(
          Errc::kBadArgument,
          strprintf("Address 0x%x is past the end of the %s flash", req.address, detected));
    }
    size = total - req.address;  // esptool reads the whole size from the address, past the end
  }
  const engine::Millis start = link.now();
  Result<Bytes> data = co_await read_flash(link, req.address, size, recovery);
  if (!data.ok()) co_return data.error();
  const double seconds = (link.now() - start) / 1000.0;
  link.log(strprintf("Read %u bytes at 0x%08x in %s seconds (%s kbit/s)...", size, req.address,
                     fixed_point(seconds, 1).c_str(),
                     fixed_point(seconds > 0 ? size / seconds * 8 / 1000 : 0.0, 1).c_str()));
  link.report().data = std::move(data.value());
  co_return Status::Ok();
}

Task<Status> read_flash_status_command(Link& link, uint32_t status_bytes) {
  Result<uint32_t> st = co_await read_flash_status(link, status_bytes);
  if (!st.ok()) co_return st.error();
  link.log(strprintf("Status value: 0x%04x", st.value()));
  co_return Status::Ok();
}

Task<Status> write_flash_status_command(Link& link, const DeviceRequest& req) {
  const int digits = int(req.status_bytes * 2);
  const uint32_t value = req.value & uint32_t((uint64_t(1) << (req.status_bytes * 8)) - 1);
  Result<uint32_t> before = co_await read_flash_status(link, req.status_bytes);
  if (!before.ok()) co_return before.error();
  link.log(strprintf("Initial flash status: 0x%0*x", digits, before.value()));
  link.log(strprintf("Setting flash status: 0x%0*x", digits, value));
  ESPT_CO_TRY(co_await write_flash_status(link, value, req.status_bytes, req.non_volatile));
  Result<uint32_t> after = co_await read_flash_status(link, req.status_bytes);
  if (!after.ok()) co_return after.error();
  link.log(strprintf("After flash status:   0x%0*x", digits, after.value()));
  co_return Status::Ok();
}

// The command's own task, picked by name. Not a coroutine itself: each command's code stays in
// its own function, so the page's first wasm half holds only the commands a flash runs (one
// coroutine with every command's steps was one 4.3 KB function that all of them shared).
// Arguments reach the tasks by value or as references to `req`, which outlives them.
Task<Status> run_command(Link& link, DeviceRequest& req, std::optional<uint32_t> flash_size,
                         const Recovery* recovery) {
  const std::string& c = req.command;
  if (c == "write_flash" || c == "verify_flash") {
    image::FlashParamsRequest params{req.flash_mode, req.flash_freq, req.flash_size};
    if (params.size == "detect") params.size = flash_size ? size_name(*flash_size) : "keep";
    if (c == "verify_flash") return verify_flash(link, std::move(req.files), params, req.diff);
    return write_flash_command(link, req, std::move(params), flash_size, recovery);
  }
  if (c == "read_flash") return read_flash_command(link, req, recovery);
  if (c == "erase_flash") return erase_flash(link);
  if (c == "erase_region") return erase_region(link, req.address, req.size);
  if (c == "read_mac") return print_mac(link);
  if (c == "chip_id") return print_chip_id(link);
  if (c == "flash_id") return flash_id_command(link);
  if (c == "get_security_info") return security_info_command(link);
  if (c == "read_mem") return read_mem(link, req.address);
  if (c == "write_mem") return write_mem(link, req.address, req.value, req.mask);
  if (c == "dump_mem") return dump_mem(link, req.address, req.size);
  if (c == "load_ram") return load_ram(link, req.image);
  if (c == "run") return run_app(link);
  if (c == "read_flash_status") return read_flash_status_command(link, req.status_bytes);
  return write_flash_status_command(link, req);
}

}  // namespace

Task<Status> run_device_command(Link& link, DeviceRequest req) {
  if (std::find(std::begin(kCommands), std::end(kCommands), req.command) == std::end(kCommands)) {
    co_return make_error(Errc::kBadArgument, "Unknown device command '" + req.command + "'");
  }
  ConnectOptions connect_opts;
  connect_opts.chip = req.chip;
  connect_opts.before = req.before;
  connect_opts.attempts = req.connect_attempts;
  Result<reset::PortKind> port_kind = reset::parse_port_kind(req.port_kind);
  if (!port_kind.ok()) co_return port_kind.error();
  connect_opts.port_kind = port_kind.value();
  connect_opts.usb_jtag_serial = req.usb_jtag_serial || req.usb_pid == reset::kUsbJtagSerialPid;
  connect_opts.initial_baud = req.before == "no_reset_no_sync" ? req.baud : std::min<uint32_t>(115200, req.baud);
  link.session().resend_rejected_blocks = req.recover;
  // Whichever way the command ends, no idle job or unused stream outlives it.
  struct ForgetDeflatedAhead {
    engine::Session& s;
    ~ForgetDeflatedAhead() { forget_deflated_ahead(s); }
  } forget_ahead{link.session()};
  if (req.command == "write_flash" && req.compress != false)
    deflate_ahead(link.session(), req.files, req.host_deflates);
  ESPT_CO_TRY(co_await connect(link, connect_opts));
  const bool sync_stub_detected = link.session().is_stub;
  ESPT_CO_TRY(co_await post_connect(link, sync_stub_detected));
  // The ROM's rate goes up before the chip is described, so that those dozen register reads run
  // at the requested rate as the stub upload does (about 35 ms of a write at 921600); the crystal
  // is read first, at the rate the ROM auto-bauded to (ops/describe_chip.h).
  ESPT_CO_TRY(co_await read_crystal(link));
  if (!req.no_stub) ESPT_CO_TRY(co_await change_baud_before_stub(link, req.baud));
  ESPT_CO_TRY(co_await describe_chip(link));
  Recovery recovery;
  recovery.connect = connect_opts;
  // Fewer connect attempts than the first connect: the chip was there a moment ago.
  if (recovery.connect.attempts <= 0 || recovery.connect.attempts > 3) recovery.connect.attempts = 3;
  recovery.no_stub = req.no_stub;
  recovery.stubs = &req.stubs;
  recovery.stubs_on_demand = req.stubs_on_demand;
  recovery.baud = req.baud;
  recovery.spi_connection = req.spi_connection;
  if (!req.no_stub) {
    Status stub = co_await start_stub(link, req.stubs, req.stubs_on_demand);
    // A stub upload broken by line noise: connect again and upload it again (twice at most).
    for (int again = 0; !stub.ok() && req.recover && is_line_error(stub.error()) && again < 2; ++again) {
      link.log("Uploading the stub failed (" + stub.error().message() + ").");
      stub = co_await recover_link(link, recovery);
    }
    if (!stub.ok()) co_return stub;
  }
  ESPT_CO_TRY(co_await change_baud(link, req.baud));
  if (!link.session().is_stub || req.spi_connection) {
    ESPT_CO_TRY(co_await attach_flash(link, req.spi_connection));
  }
  std::optional<uint32_t> flash_size;
  if (takes_flash_size(req.command)) {
    Result<std::optional<uint32_t>> size = co_await configure_flash_size(link, req.flash_size);
    // A line error (or an unplugged cable) here is before any byte of the command: connect
    // again and configure again, so a port that never comes back ends as "Serial port lost".
    for (int again = 0; !size.ok() && req.recover && is_line_error(size.error()) && again < 2; ++again) {
      link.log("Configuring flash size failed (" + size.error().message() + ").");
      Status back = co_await recover_link(link, recovery);
      if (!back.ok()) co_return back.error();
      size = co_await configure_flash_size(link, req.flash_size);
    }
    if (!size.ok()) co_return size.error();
    flash_size = size.value();
  }
  recovery.flash_size = flash_size;
  ESPT_CO_TRY(co_await run_command(link, req, flash_size, req.recover ? &recovery : nullptr));
  if (req.command == "load_ram") {
    link.log("Exiting immediately.");
    co_return Status::Ok();
  }
  Status done = co_await reset_after(link, req.after);
  co_return done;
}

}  // namespace esptool::ops
