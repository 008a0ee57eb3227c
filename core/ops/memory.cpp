#include "core/ops/memory.h"

#include "core/image/firmware_image.h"
#include "core/ops/run_stub.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {

using engine::Link;
using engine::Task;

Task<Status> read_mem(Link& link, uint32_t address) {
  Result<uint32_t> v = co_await link.read_reg(address);
  if (!v.ok()) co_return v.error();
  link.report().facts.set_number("value", v.value());
  link.log(strprintf("0x%08x = 0x%08x", address, v.value()));
  co_return Status::Ok();
}

Task<Status> write_mem(Link& link, uint32_t address, uint32_t value, uint32_t mask) {
  Status w = co_await link.write_reg(address, value, mask, 0);
  if (!w.ok()) co_return w;
  link.log(strprintf("Wrote %08x, mask %08x to %08x", value, mask, address));
  co_return Status::Ok();
}

Task<Status> dump_mem(Link& link, uint32_t address, uint32_t size) {
  Bytes out;
  out.reserve(size);
  for (uint32_t at = 0; at < size; at += 4) {
    Result<uint32_t> word = co_await link.read_reg(address + at);
    if (!word.ok()) co_return word.error();
    append_le32(out, word.value());
    // cmds.py dump_mem@v4.8.1 reports every 1024 bytes read.
    if ((at + 4) % 1024 == 0) link.progress("dump", at + 4, size, address);
  }
  out.resize(size);
  link.report().data = std::move(out);
  link.log(strprintf("Read %u bytes", size));
  link.log("Done!");
  co_return Status::Ok();
}

Task<Status> load_ram(Link& link, const Bytes& image_bytes) {
  const chips::ChipInfo* chip = link.session().chip;
  if (chip == nullptr) co_return make_error(Errc::kInternal, "load_ram before connect");
  Result<image::ParsedImage> img = image::parse_image(image_bytes, *chip);
  if (!img.ok()) co_return img.error();
  link.log("RAM boot...");
  for (const image::Segment& seg : img.value().segments) {
    link.log(strprintf("Downloading %zu bytes at %08x...", seg.data.size(), seg.address));
    Status written = co_await write_ram(link, seg.address, seg.data, "upload");
    if (!written.ok()) co_return written;
    link.log("done!");
  }
  link.log(strprintf("All segments done, executing at %08x", img.value().entry));
  proto::MemEnd end{img.value().entry};
  Status sent = co_await link.send_packet(end.encode());
  if (!sent.ok()) co_return sent;
  // The jump may swallow the reply; wait briefly for it and ignore its absence (loader.py).
  Result<Bytes> reply = co_await link.read_frame(proto::kMemEndRomTimeoutMs);
  (void)reply;
  co_return Status::Ok();
}

Task<Status> run_app(Link& link) {
  proto::BeginCommand begin{proto::Opcode::kFlashBegin, 0, 0, 0x400, 0};
  Result<Bytes> b = co_await link.call(begin, proto::kDefaultTimeoutMs);
  if (!b.ok()) co_return b.error();
  proto::EndCommand end{proto::Opcode::kFlashEnd, 1};  // 1: run the application, no reboot
  Result<Bytes> e = co_await link.call(end, proto::kDefaultTimeoutMs);
  if (!e.ok()) co_return e.error();
  co_return Status::Ok();
}

}  // namespace esptool::ops
