// Theory of operation: everything that can fail without the device is checked before the first
// byte is sent (chip id of images, sizes against the flash). Then each file is written and
// verified on its own, in address order; a failure stops the run with the file and offset named.
#include "core/ops/write_flash.h"

#include <algorithm>

#include "core/base/sort_few.h"
#include "core/image/firmware_image.h"
#include "core/image/flash_layout.h"
#include "core/ops/erase.h"
#include "core/ops/flash_md5.h"
#include "core/ops/flash_region.h"
#include "core/ops/recovery.h"
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
  for (const FlashFile& f : files) ESPT_TRY(image::check_fits_flash(f.name, f.data.size(), f.offset, *flash_end));
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
  // "verify" (started) and "verified" (done) carry no text: they let a caller such as the page
  // show the stage and tell a verified file from one only written.
  link.progress("verify", 0, data.size(), f.offset);
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
  link.progress("verified", data.size(), data.size(), f.offset);
  co_return Status::Ok();
}

void report_speed(Link& link, uint32_t offset, size_t size, const RegionWriteStats& st, bool compressed) {
  const double seconds = st.elapsed_ms / 1000.0;
  const std::string took = fixed_point(seconds, 1);
  const std::string kbits = seconds > 0 ? fixed_point(size / seconds * 8 / 1000, 1) : "";
  if (compressed) {
    link.log(strprintf("Wrote %zu bytes (%llu compressed) at 0x%08x in %s seconds%s...", size,
                       (unsigned long long)st.compressed_size, offset, took.c_str(),
                       seconds > 0 ? (" (effective " + kbits + " kbit/s)").c_str() : ""));
  } else {
    link.log(strprintf("Wrote %zu bytes at 0x%08x in %s seconds%s...", size, offset, took.c_str(),
                       seconds > 0 ? (" (" + kbits + " kbit/s)").c_str() : ""));
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

// The region as the options say: only the sectors that differ, or all of it.
Task<Status> write_data(Link& link, const FlashFile& f, uint32_t offset, const Bytes& data,
                        bool skip_unchanged, bool compress) {
  // Locals in different scopes of one coroutine get distinct names: g++ 12 has mixed up
  // same-named coroutine locals (seen as a double free here).
  if (skip_unchanged && offset % kSector == 0) {
    Status partial = co_await write_changed_only(link, offset, data, compress);
    co_return partial;
  }
  Result<RegionWriteStats> whole = co_await write_region(link, offset, data, compress);
  if (!whole.ok()) {
    Error e = whole.error();
    if (e.code != Errc::kPortLost) e.detail = f.name + ": " + e.detail;  // the summary names it
    co_return e;
  }
  report_speed(link, offset, data.size(), whole.value(), compress);
  co_return Status::Ok();
}

// Writes resume up to Recovery::max_resumes times per file (each resume rewrites only what the
// flash lacks, so a few suffice at the noise a link survives).
bool may_resume(const WriteFlashOptions& opts, const Error& e, int resumes, bool link_back) {
  return opts.recovery != nullptr && link_back && resumes < opts.recovery->max_resumes && is_line_error(e);
}

// After a line error: get the link back, ask the flash which sectors of the region differ from
// the data (the skip-unchanged machinery), and write only those. The ESP8266 ROM has no MD5, so
// there the whole region is written again.
Task<Status> resume_region(Link& link, const Recovery& recovery, uint32_t offset, const Bytes& data,
                           bool compress, Error cause, bool& link_back) {
  Status back = co_await recover_link(link, recovery);
  if (!back.ok()) {
    link_back = false;
    co_return back;
  }
  const engine::Session& s = link.session();
  const uint32_t over = offset % kSector;
  Bytes aligned(over, 0xFF);  // the write erased the sector's head as well
  append(aligned, data);
  const uint32_t start = offset - over;
  std::vector<FlashRun> runs;
  if (!s.is_stub && s.chip && s.chip->is_esp8266) {
    runs.push_back({start, uint32_t(aligned.size())});
  } else {
    Result<std::vector<FlashRun>> differing = co_await changed_runs(link, start, aligned);
    if (!differing.ok()) co_return differing.error();
    runs = differing.value();
  }
  size_t again = 0;
  for (const FlashRun& r : runs) again += r.size;
  link.report().facts.count("line_errors_recovered");
  if (runs.empty()) {
    link.log(strprintf("Line error (%s); the flash already holds 0x%08x-0x%08x.", cause.message().c_str(),
                       offset, offset + uint32_t(data.size())));
    co_return Status::Ok();
  }
  link.log(strprintf("Line error (%s), resuming from 0x%08x: %zu of %zu bytes to write again.",
                     cause.message().c_str(), runs.front().offset, again, aligned.size()));
  for (const FlashRun& r : runs) {
    std::span<const uint8_t> part(aligned.data() + (r.offset - start), r.size);
    Result<RegionWriteStats> rewritten = co_await write_region(link, r.offset, part, compress);
    if (!rewritten.ok()) co_return rewritten.error();
  }
  co_return Status::Ok();
}

// esptool troubleshooting.rst, "Secure Download Mode Limitations": there the flash size cannot be
// detected, the ROM assumes 2MB and a write above fails with 0106 or 0164.
Status with_secure_download_hint(const engine::Session& s, Status st) {
  if (st.ok() || !s.secure_download_mode || !st.error().hint().empty()) return st;
  const uint16_t code = uint16_t(st.error().code);
  if (code != 0x0106 && code != 0x0164) return st;
  Error e = st.error();
  e.hint_text =
      "In Secure Download Mode the flash size cannot be detected and the ROM assumes 2MB: pass "
      "--flash_size with the chip's real size (regions above 16MB cannot be written in this "
      "mode).";
  return e;
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
  Status written = co_await write_data(link, f, offset, data, opts.skip_unchanged, compress);
  Status st = with_secure_download_hint(s, std::move(written));
  int resumes = 0;
  bool link_back = true;
  while (!st.ok()) {
    if (!may_resume(opts, st.error(), resumes, link_back)) co_return st;
    ++resumes;
    st = co_await resume_region(link, *opts.recovery, offset, data, compress, st.error(), link_back);
  }
  if (!opts.verify) co_return Status::Ok();
  Status verified = co_await verify(link, f, data, offset);
  // A wrong MD5 gets the same treatment once more before it is reported.
  while (!verified.ok() && may_resume(opts, verified.error(), resumes, link_back)) {
    ++resumes;
    Status again =
        co_await resume_region(link, *opts.recovery, offset, data, compress, verified.error(), link_back);
    if (!again.ok()) {
      verified = again;
      continue;
    }
    verified = co_await verify(link, f, data, offset);
  }
  co_return verified;
}

// What a write that stopped at files[failed] leaves in flash, for its error line: the files
// before it ended verified (or only written, without an MD5), it is not complete, the rest were
// not written. Empty files are skipped as the write skips them.
std::string written_summary(const std::vector<FlashFile>& files, size_t failed, bool verified) {
  std::vector<std::string> done, partial, untouched;
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].data.empty()) continue;
    std::string where = strprintf("%s at 0x%08x", files[i].name.c_str(), files[i].offset);
    (i < failed ? done : i == failed ? partial : untouched).push_back(std::move(where));
  }
  auto join = [](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  std::string text;
  auto clause = [&](const char* what, const std::vector<std::string>& names) {
    if (!names.empty()) text += strprintf("; %s: %s", what, join(names).c_str());
  };
  clause(verified ? "written and verified" : "written, not verified", done);
  clause("not complete", partial);
  clause("not written", untouched);
  return text;
}

}  // namespace

Task<Status> write_flash(Link& link, std::vector<FlashFile> files, WriteFlashOptions opts) {
  engine::Session& s = link.session();
  sort_few_by(files, [](const FlashFile& f) { return f.offset; });  // stable, as sorted() is
  const bool rom_8266 = !s.is_stub && s.chip && s.chip->is_esp8266;
  if (rom_8266 && opts.compress.value_or(false)) {
    co_return make_error(Errc::kUnsupportedCommand,
                         "ESP8266 ROM does not support function flash_defl_begin.",
                         "Drop --compress, or run without --no-stub.");
  }
  const bool compress = opts.compress.value_or(s.is_stub);
  // A resume finds what landed by SPI_FLASH_MD5, which Secure Download Mode refuses.
  if (s.secure_download_mode) opts.recovery = nullptr;
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
  for (size_t i = 0; i < files.size(); ++i) {
    const FlashFile& f = files[i];
    if (f.data.empty()) {
      link.log("WARNING: File " + f.name + " is empty");
      continue;
    }
    Status st = co_await write_one(link, f, opts, compress, secure_boot.value(), lines);
    if (!st.ok()) {
      // One line that says what the flash now holds (the ESP8266 ROM has no MD5 to verify with).
      const bool no_md5 = s.chip && s.chip->is_esp8266 && !s.is_stub;
      const bool verified = opts.verify && !s.secure_download_mode && !no_md5;
      Error e = st.error();
      e.detail += written_summary(files, i, verified);
      co_return e;
    }
  }
  const int recovered = int(link.report().facts.number("line_errors_recovered"));
  if (recovered > 0) {
    link.log(strprintf("Recovered from %d line error%s; every file was verified.", recovered,
                       recovered == 1 ? "" : "s"));
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
