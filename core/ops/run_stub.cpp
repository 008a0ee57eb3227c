#include "core/ops/run_stub.h"

#include <algorithm>

#include "core/chips/usb.h"
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
    proto::DataCommand block{proto::Opcode::kMemData, seq,
                             std::span<const uint8_t>(data.data() + from, len)};
    Result<Bytes> sent = co_await link.call(block, proto::kDefaultTimeoutMs);
    if (!sent.ok()) {
      Error e = sent.error();
      e.detail += strprintf(" (RAM block %u at 0x%08x)", seq, address + uint32_t(from));
      co_return e;
    }
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

}  // namespace esptool::ops
