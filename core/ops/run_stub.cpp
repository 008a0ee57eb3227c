#include "core/ops/run_stub.h"

#include <algorithm>

#include "core/chips/usb.h"
#include "core/ops/data_block.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {
namespace {

using engine::Link;
using engine::Task;

constexpr engine::Millis kOhaiTimeoutMs = 3000;  // esptool-js uses 3 s (spec §7.4 step 3)
const Bytes kOhai = {'O', 'H', 'A', 'I'};

}  // namespace

Task<Status> write_ram(Link& link, uint32_t address, const Bytes& data, const char* stage) {
  const engine::Session& s = link.session();
  const uint32_t block_size =
      s.chip ? chips::ram_block_size(*s.chip, s.is_stub, s.usb_mode) : kRamBlockSize;
  const uint32_t size = uint32_t(data.size());
  const uint32_t blocks = (size + block_size - 1) / block_size;
  proto::BeginCommand begin{proto::Opcode::kMemBegin, size, blocks, block_size, address};
  Result<Bytes> r = co_await link.call(begin, proto::kDefaultTimeoutMs);
  if (!r.ok()) co_return r.error();
  for (uint32_t seq = 0; seq < blocks; ++seq) {
    const size_t from = size_t(seq) * block_size;
    const size_t len = std::min<size_t>(block_size, size - from);  // last block not padded
    // A block the ROM refused (checksum, length: line noise) is sent again, as flash blocks are.
    Status sent = co_await send_data_block(link, proto::Opcode::kMemData, seq,
                                           std::span<const uint8_t>(data.data() + from, len),
                                           proto::kDefaultTimeoutMs, "RAM", address + uint32_t(from));
    if (!sent.ok()) co_return sent;
    link.progress(stage, from + len, size);
  }
  co_return Status::Ok();
}

Task<Status> run_stub(Link& link, const stub::StubImage& stub) {
  link.log("Uploading stub...");
  Status text = co_await write_ram(link, stub.text_start, stub.text, "upload");
  if (!text.ok()) co_return text;
  if (stub.data_start) {
    Status data = co_await write_ram(link, *stub.data_start, stub.data, "upload");
    if (!data.ok()) co_return data;
  }
  link.log("Running stub...");
  // The ROM may jump before its MEM_END reply is out, so that reply is optional (esptool
  // ignores its errors); OHAI is what counts, and it may come first.
  proto::MemEnd end{stub.entry};
  Status sent = co_await link.send_packet(end.encode());
  if (!sent.ok()) co_return sent;
  for (int frames = 0; frames < 8; ++frames) {
    Result<Bytes> frame = co_await link.read_frame(kOhaiTimeoutMs);
    if (!frame.ok()) {
      co_return make_error(Errc::kTimeout, "Failed to start stub: no OHAI greeting (" +
                                               frame.error().message() + ")",
                           "Try --no-stub, or a lower baud rate.");
    }
    if (frame.value() == kOhai) {
      link.session().is_stub = true;
      link.log("Stub running...");
      co_return Status::Ok();
    }
    // A late MEM_END reply may precede the greeting; anything else is unexpected.
    if (proto::decode_reply(frame.value())) continue;
    co_return make_error(Errc::kUnexpectedReply, "Failed to start stub. Unexpected response: " +
                                                     to_hex(frame.value()));
  }
  co_return make_error(Errc::kUnexpectedReply, "Failed to start stub: no OHAI greeting");
}

Task<Status> start_stub(Link& link, const stub::StubFiles& stubs, bool on_demand) {
  engine::Session& s = link.session();
  if (s.is_stub) {
    link.log("Stub is already running. No upload is necessary.");
    co_return Status::Ok();
  }
  if (s.secure_download_mode) {
    link.log("WARNING: Stub loader is not supported in Secure Download Mode, setting --no-stub");
    co_return Status::Ok();
  }
  if (chips::stub_disabled(*s.chip, s.revision, s.secure_download_mode)) {
    link.log("WARNING: Stub loader has been disabled for compatibility, setting --no-stub");
    co_return Status::Ok();
  }
  const char* file = chips::stub_file(*s.chip, s.revision);
  const Bytes* given = file ? stubs.find(file) : nullptr;
  Bytes converted;
  bool supplied = given != nullptr;
  if (supplied) {
    converted = *given;
  } else if (file && on_demand) {
    engine::Input in = co_await link.load_stub(file);
    if (in.kind == engine::Input::Kind::kLost) co_return make_error(Errc::kPortLost, in.reason);
    if (in.kind == engine::Input::Kind::kUnavailable) {
      co_return make_error(Errc::kFileNotFound,
                           strprintf("Could not load the flasher stub %s: %s", file, in.reason.c_str()),
                           "Check the connection to the page's server and try again, or use --no-stub.");
    }
    converted = std::move(in.data);
    supplied = !converted.empty();  // no bytes: the driver ships no such file
  }
  if (!supplied) {
    link.log(strprintf("WARNING: no flasher stub for %s was supplied; continuing with the ROM loader.",
                       s.chip->name));
    co_return Status::Ok();
  }
  Result<stub::StubImage> image = stub::decode_stub_binary(converted);
  if (!image.ok()) co_return image.error();
  Status started = co_await run_stub(link, image.value());
  co_return started;
}

}  // namespace esptool::ops
