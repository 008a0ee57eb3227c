// Theory of operation: everything that can fail without the device is checked before the first
// byte is sent (chip id of images, sizes against the flash). Then each file is written and
// verified on its own, in address order; a failure stops the run with the file and offset named.
#include "core/ops/write_flash.h"

#include <algorithm>

#include "core/image/firmware_image.h"
#include "core/ops/erase.h"
#include "core/ops/flash_md5.h"
#include "core/ops/flash_region.h"
#include "core/ops/skip_unchanged.h"
#include "core/ops/write_checks.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"
#include "core/util/md5.h"

namespace esptool::ops {
namespace {

using engine::Link;
using engine::Task;

constexpr uint32_t kSector = 0x1000;

Status check_sizes(const std::vector<FlashFile>& files, std::optional<uint32_t> flash_end) {
  if (!flash_end) return Status::Ok();
  for (const FlashFile& f : files) {
    if (uint64_t(f.offset) + f.data.size() > *flash_end) {
      return make_error(Errc::kImageTooBig,
                        strprintf("File %s (length %zu) at offset %u will not fit in %u bytes of "
                                  "flash. Change the --flash_size argument, or flashing address.",
                                  f.name.c_str(), f.data.size(), f.offset, *flash_end));
    }
  }
  return Status::Ok();
}

void announce_erase(Link& link, const FlashFile& f) {
  const uint32_t over = f.offset % kSector;
  if (over != 0) {
    link.log(strprintf("WARNING: Flash address 0x%08x is not aligned to a 0x%x byte flash sector. "
                       "0x%x bytes before this address will be erased.",
                       f.offset, kSector, over));
  }
  const uint64_t end = uint64_t(f.offset) + f.data.size();
  link.log(strprintf("Flash will be erased from 0x%08x to 0x%08x...", f.offset - over,
                     uint32_t((end + kSector - 1) / kSector * kSector - 1)));
}

Task<Status> verify(Link& link, const FlashFile& f, const Bytes& data, uint32_t offset) {
  if (link.session().secure_download_mode) co_return Status::Ok();
  if (!link.session().is_stub && link.session().chip && link.session().chip->is_esp8266) {
    co_return Status::Ok();  // the ESP8266 ROM has no MD5 command
  }
  Result<Bytes> device = co_await flash_md5(link, offset, uint32_t(data.size()));
  if (!device.ok()) co_return device.error();
  const Bytes expected = util::md5(data);
  if (device.value() != expected) {
    link.log("File  md5: " + to_hex(expected));
    link.log("Flash md5: " + to_hex(device.value()));
    link.log("MD5 of 0xFF is " + to_hex(util::md5(Bytes(data.size(), 0xFF))));
    co_return make_error(Errc::kDigestMismatch,
                         strprintf("MD5 of file does not match data in flash! (%s at 0x%08x)",
                                   f.name.c_str(), offset),
                         "Try again at a lower baud rate; if it persists the flash may be worn out.");
  }
  link.log("Hash of data verified.");
  co_return Status::Ok();
}

void report_speed(Link& link, uint32_t offset, size_t size, const RegionWriteStats& st, bool compressed) {
  const double seconds = st.elapsed_ms / 1000.0;
  if (compressed) {
    // esptool prints this before the first block; our compression is streamed, so the size is
    // known only now. The line stays for scripts that read it.
    link.log(strprintf("Compressed %zu bytes to %llu...", size, (unsigned long long)st.compressed_size));
    link.log(strprintf("Wrote %zu bytes (%llu compressed) at 0x%08x in %.1f seconds%s...", size,
                       (unsigned long long)st.compressed_size, offset, seconds,
                       seconds > 0 ? strprintf(" (effective %.1f kbit/s)", size / seconds * 8 / 1000).c_str() : ""));
  } else {
    link.log(strprintf("Wrote %zu bytes at 0x%08x in %.1f seconds%s...", size, offset, seconds,
                       seconds > 0 ? strprintf(" (%.1f kbit/s)", size / seconds * 8 / 1000).c_str() : ""));
  }
}

Task<Status> write_changed_only(Link& link, uint32_t offset, const Bytes& data, bool compress) {
  Result<std::vector<FlashRun>> runs = co_await changed_runs(link, offset, data);
  if (!runs.ok()) co_return runs.error();
  size_t changed = 0;
  for (const FlashRun& r : runs.value()) changed += r.size;
  link.log(strprintf("Skipping unchanged data: %zu of %zu bytes differ in %zu run(s).", changed,
                     data.size(), runs.value().size()));
  for (const FlashRun& r : runs.value()) {
    std::span<const uint8_t> part(data.data() + (r.offset - offset), r.size);
    Result<RegionWriteStats> st = co_await write_region(link, r.offset, part, compress);
    if (!st.ok()) co_return st.error();
    report_speed(link, r.offset, r.size, st.value(), compress);
  }
  co_return Status::Ok();
}

Task<Status> write_one(Link& link, const FlashFile& f, const WriteFlashOptions& opts, bool compress,
                       bool secure_boot, std::vector<std::string>& lines) {
  engine::Session& s = link.session();
  Bytes data = f.data;
  data.resize(align_up(uint32_t(data.size()), 4), 0xFF);
  uint32_t offset = f.offset;
  if (!s.is_stub) {
    // Without the stub, writes start on a sector boundary: pad the gap with erased bytes.
    const uint32_t over = offset % kSector;
    link.log("Erasing flash...");
    data.insert(data.begin(), over, 0xFF);
    offset -= over;
  }
  if (s.chip != nullptr && (s.secure_download_mode || secure_boot)) {
    link.log("WARNING: Security features enabled, so not changing any flash settings.");
  } else if (s.chip != nullptr) {
    lines.clear();
    Status patched = image::update_image_flash_params(data, offset, *s.chip, opts.flash_params, lines);
    for (const std::string& l : lines) link.log(l);
    if (!patched.ok()) co_return patched;
  }
  // Locals in different scopes of one coroutine get distinct names: g++ 12 has mixed up
  // same-named coroutine locals (seen as a double free here).
  if (opts.skip_unchanged && offset % kSector == 0) {
    Status partial = co_await write_changed_only(link, offset, data, compress);
    if (!partial.ok()) co_return partial;
  } else {
    Result<RegionWriteStats> whole = co_await write_region(link, offset, data, compress);
    if (!whole.ok()) {
      Error e = whole.error();
      e.detail = f.name + ": " + e.detail;
      co_return e;
    }
    report_speed(link, offset, data.size(), whole.value(), compress);
  }
  if (!opts.verify) co_return Status::Ok();
  Status verified = co_await verify(link, f, data, offset);
  co_return verified;
}

}  // namespace

Task<Status> write_flash(Link& link, std::vector<FlashFile> files, WriteFlashOptions opts) {
  engine::Session& s = link.session();
  std::stable_sort(files.begin(), files.end(),
                   [](const FlashFile& a, const FlashFile& b) { return a.offset < b.offset; });
  const bool rom_8266 = !s.is_stub && s.chip && s.chip->is_esp8266;
  if (rom_8266 && opts.compress.value_or(false)) {
    co_return make_error(Errc::kUnsupportedCommand,
                         "ESP8266 ROM does not support function flash_defl_begin.",
                         "Drop --compress, or run without --no-stub.");
  }
  const bool compress = opts.compress.value_or(s.is_stub);
  Result<bool> secure_boot = co_await read_secure_boot_enabled(link);
  if (!secure_boot.ok()) co_return secure_boot.error();
  if (!opts.force) {
    Status allowed = check_write_allowed(s, files, secure_boot.value());
    if (!allowed.ok()) co_return allowed;
  }
  Status fits = check_sizes(files, opts.flash_end);
  if (!fits.ok()) co_return fits;

  if (opts.erase_all) {
    Status erased = co_await erase_flash(link);
    if (!erased.ok()) co_return erased;
  } else {
    for (const FlashFile& f : files) announce_erase(link, f);
  }
  std::vector<std::string> lines;
  for (const FlashFile& f : files) {
    if (f.data.empty()) {
      link.log("WARNING: File " + f.name + " is empty");
      continue;
    }
    Status st = co_await write_one(link, f, opts, compress, secure_boot.value(), lines);
    if (!st.ok()) co_return st;
  }
  link.log("");
  link.log("Leaving...");
  if (s.is_stub) {
    // A dummy FLASH_BEGIN then END(stay) closes the write; FLASH_END to a ROM would leave it.
    proto::BeginCommand begin{proto::Opcode::kFlashBegin, 0, 0, kStubFlashBlock, 0};
    Result<Bytes> b = co_await link.call(begin, proto::kDefaultTimeoutMs);
    if (!b.ok()) co_return b.error();
    proto::EndCommand end{compress ? proto::Opcode::kFlashDeflEnd : proto::Opcode::kFlashEnd, 1};
    Result<Bytes> e = co_await link.call(end, proto::kDefaultTimeoutMs);
    if (!e.ok()) co_return e.error();
  }
  co_return Status::Ok();
}

}  // namespace esptool::ops
