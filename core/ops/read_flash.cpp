#include "core/ops/read_flash.h"

#include <algorithm>

#include "core/ops/flash_md5.h"
#include "core/proto/commands.h"
#include "core/proto/slip.h"
#include "core/proto/timeouts.h"
#include "core/util/md5.h"

namespace esptool::ops {
namespace {

using engine::Link;
using engine::Task;

constexpr uint32_t kPacketSize = 0x1000;
constexpr uint32_t kMaxInflight = 64;
constexpr uint32_t kSlowChunk = 64;  // READ_FLASH_SLOW answers 64 bytes per request
constexpr engine::Millis kPacketTimeoutMs = 3000;
constexpr int kSlowChunkAttempts = 3;
// With recovery on, a stub read goes in segments, each its own READ_FLASH with its own digest:
// the stub's packets carry no checksum, so a flipped or dropped byte costs one segment instead
// of the whole read, and usually no reconnect (the segment is ended in step with the stub and
// asked again). Segments shrink after the first line error: on a noisy line a short one
// gets through more often.
constexpr uint32_t kSegment = 0x10000;
constexpr uint32_t kNoisySegment = 0x2000;
// Failures in a row on one segment before the error stands. Generous, since a failure ended
// in step costs one segment's wire time (12 x 8 KiB: about 1 s at 921600) and a dead link is
// never in step (its reconnects are bounded by kMaxResumes); at 5e-5 garbage bytes per byte,
// 4 in a row ended 4 of 10 reads of 1 MiB.
constexpr int kSegmentAttempts = 12;

// The whole read a part belongs to, for progress.
struct Whole {
  uint32_t offset;
  uint32_t length;
};

// The device's MD5 of the region against the bytes that arrived (stub and ROM reads alike).
Status check_read_digest(const Bytes& device_md5, const Bytes& data) {
  const Bytes received_md5 = util::md5(data);
  if (device_md5 == received_md5) return Status::Ok();
  return make_error(Errc::kDigestMismatch,
                    strprintf("Digest mismatch: expected %s, got %s", to_hex(device_md5).c_str(),
                              to_hex(received_md5).c_str()),
                    "Try again at a lower baud rate.");
}

// A segment whose packets went wrong is ended in step: an ACK of the whole length makes the stub
// stop sending and send its digest (stub_flasher.c handle_read_flash), which is waited for.
// False when the stub cannot be brought to that point (then only a reconnect helps).
Task<bool> end_in_step(Link& link, uint32_t length) {
  Bytes ack;
  append_le32(ack, length);
  co_await link.write(proto::slip_encode(ack));
  for (uint32_t frames = 0; frames <= length / kPacketSize + 2; ++frames) {
    Result<Bytes> frame = co_await link.read_frame(kPacketTimeoutMs);
    if (!frame.ok()) co_return false;
    if (frame.value().size() == 16) co_return true;
  }
  co_return false;
}

// Reads [offset, offset + length) and appends it to `out` (so a failed read leaves what arrived).
// With `in_step` (a segment), a packet of the wrong size ends the read in step with the stub,
// and *in_step says whether the link is still usable without a reconnect.
Task<Status> read_streamed(Link& link, uint32_t offset, uint32_t length, Bytes& out, Whole whole,
                           bool* in_step) {
  proto::ReadFlash cmd{offset, length, kPacketSize, kMaxInflight};
  Result<Bytes> started = co_await link.call(cmd, proto::kDefaultTimeoutMs);
  if (!started.ok()) co_return started.error();
  const size_t base = out.size();
  Bytes data;
  data.reserve(length);
  while (data.size() < length) {
    Result<Bytes> packet = co_await link.read_frame(kPacketTimeoutMs);
    if (!packet.ok()) {
      Error e = packet.error();
      e.detail = strprintf("Reading flash at 0x%08x stopped after %zu of %u bytes: %s", offset,
                           data.size(), length, e.detail.c_str());
      // A packet lost to a broken frame leaves the stub waiting for an ACK: end it in step.
      if (in_step && !ends_retries(e)) *in_step = co_await end_in_step(link, length);
      co_return e;
    }
    // Every packet but the last is exactly kPacketSize: another size is a dropped or extra
    // byte, or two packets run together (a lost frame end).
    const size_t expected = std::min<size_t>(kPacketSize, length - data.size());
    if (packet.value().size() != expected) {
      Error e = packet.value().size() > length - data.size()
                    ? make_error(Errc::kBadFrame, "Read more than expected")
                    : make_error(Errc::kBadFrame, strprintf("Corrupt data, expected 0x%zx bytes but received 0x%zx bytes",
                                                            expected, packet.value().size()));
      if (in_step) *in_step = co_await end_in_step(link, length);
      co_return e;
    }
    append(data, packet.value());
    if (packet.value().size() == kPacketSize) append(out, packet.value());
    Bytes ack;
    append_le32(ack, uint32_t(data.size()));
    co_await link.write(proto::slip_encode(ack));
    link.progress("read", offset - whole.offset + data.size(), whole.length, whole.offset);
  }
  Result<Bytes> digest = co_await link.read_frame(kPacketTimeoutMs);
  if (!digest.ok()) co_return digest.error();
  if (digest.value().size() != 16) {
    co_return make_error(Errc::kBadFrame, "Expected digest, got: " + to_hex(digest.value()));
  }
  if (in_step) *in_step = true;  // the stub sent its digest: it waits for the next command
  ESPT_CO_TRY(check_read_digest(digest.value(), data));
  out.resize(base);
  append(out, data);
  co_return Status::Ok();
}

// One READ_FLASH_SLOW, asked again when its reply is lost or garbled (a read changes nothing).
Task<Result<Bytes>> read_slow_chunk(Link& link, uint32_t at, uint32_t n) {
  Error last = make_error(Errc::kInternal, "no attempt");
  for (int attempt = 0; attempt < kSlowChunkAttempts; ++attempt) {
    proto::ReadFlashSlow cmd{at, n};
    Result<Bytes> chunk = co_await link.call(cmd, proto::kDefaultTimeoutMs);
    // The ROM always answers 64 bytes; any other length is a garbled reply (esptool only checks
    // for too few and would keep shifted data).
    if (chunk.ok() && chunk.value().size() == kSlowChunk) co_return chunk.value();
    last = chunk.ok() ? make_error(Errc::kBadFrame, strprintf("Expected %u byte block, got %zu bytes. Serial errors?",
                                                              kSlowChunk, chunk.value().size()))
                      : chunk.error();
    if (ends_retries(last)) break;
  }
  if (last.hint_text.empty()) last.hint_text = "If the flash is smaller than the read, pass --flash_size.";
  co_return last;
}

Task<Status> read_slow(Link& link, uint32_t offset, uint32_t length, Bytes& out, Whole whole) {
  const size_t base = out.size();
  Bytes data;
  data.reserve(length);
  while (data.size() < length) {
    const uint32_t at = offset + uint32_t(data.size());
    const uint32_t n = std::min<uint32_t>(kSlowChunk, length - uint32_t(data.size()));
    Result<Bytes> chunk = co_await read_slow_chunk(link, at, n);
    if (!chunk.ok()) co_return chunk.error();
    append(data, std::span<const uint8_t>(chunk.value()).first(n));
    link.progress("read", offset - whole.offset + data.size(), whole.length, whole.offset);
  }
  // READ_FLASH_SLOW replies carry no checksum: a flipped bit would go unnoticed. Every ROM that
  // has READ_FLASH_SLOW also has SPI_FLASH_MD5, so the read is checked as the stub's is.
  Result<Bytes> digest = co_await flash_md5(link, offset, length);
  if (!digest.ok()) co_return digest.error();
  ESPT_CO_TRY(check_read_digest(digest.value(), data));
  out.resize(base);
  append(out, data);
  co_return Status::Ok();
}

Task<Status> read_part(Link& link, uint32_t offset, uint32_t length, Bytes& out, Whole whole,
                       bool* in_step = nullptr) {
  if (link.session().is_stub) {
    Status streamed = co_await read_streamed(link, offset, length, out, whole, in_step);
    co_return streamed;
  }
  Status slow = co_await read_slow(link, offset, length, out, whole);
  co_return slow;
}

void count_line_error(Link& link) {
  link.report().facts.count("line_errors_recovered");
}

// After a line error: what of `data` may stay. Whole packets only, and only as far as the
// flash's MD5 of that prefix agrees; none of it when no prefix does.
Task<Result<size_t>> verified_prefix(Link& link, uint32_t offset, const Bytes& data) {
  // Halving: a wrong packet somewhere costs a few MD5s, not the whole prefix.
  for (size_t keep = data.size() / kPacketSize * kPacketSize; keep > 0; keep = keep / 2 / kPacketSize * kPacketSize) {
    Result<Bytes> device = co_await flash_md5(link, offset, uint32_t(keep));
    if (!device.ok()) co_return device.error();
    if (device.value() == util::md5(std::span<const uint8_t>(data.data(), keep))) co_return keep;
  }
  co_return size_t(0);
}

}  // namespace

Task<Result<Bytes>> read_flash(Link& link, uint32_t offset, uint32_t length, const Recovery* recovery) {
  const engine::Session& s = link.session();
  if (!s.is_stub && s.chip != nullptr && s.chip->is_esp8266) {
    co_return make_error(Errc::kUnsupportedCommand, "ESP8266 ROM does not support function read_flash_slow.",
                         "Run without --no-stub.");
  }
  const Whole whole{offset, length};
  Bytes data;
  data.reserve(length);
  size_t kept = 0;        // verified bytes at the last resume
  int idle = 0;           // resumes in a row that kept no more than the one before
  int reconnects = 0;     // every path: kMaxResumes bounds them
  bool noisy = false;         // a line error was seen: shorter segments
  int segment_failures = 0;  // in a row, on the segment at data.size()
  for (;;) {
    const uint32_t done = uint32_t(data.size());
    const bool segment = recovery != nullptr && link.session().is_stub;
    const uint32_t part = segment ? std::min(noisy ? kNoisySegment : kSegment, length - done) : length - done;
    bool in_step = false;
    Status st = co_await read_part(link, offset + done, part, data, whole, segment ? &in_step : nullptr);
    if (st.ok()) {
      segment_failures = 0;
      if (data.size() == length) co_return data;
      continue;
    }
    if (!recovery || !is_line_error(st.error())) co_return st.error();
    noisy = true;
    if (segment) {
      data.resize(done);  // a failed segment's bytes are not trusted; the ones before are
      if (++segment_failures > kSegmentAttempts) co_return st.error();
      if (!in_step) {
        if (++reconnects > kMaxResumes) co_return st.error();
        ESPT_CO_TRY(co_await recover_link(link, *recovery));
      }
      count_line_error(link);
      link.log(strprintf("Line error (%s), reading 0x%08x again.", st.error().message().c_str(), offset + done));
      continue;
    }
    if (++reconnects > kMaxResumes || idle >= recovery->max_resumes) co_return st.error();
    ESPT_CO_TRY(co_await recover_link(link, *recovery));  // a chip that cannot be reached again ends it
    Result<size_t> keep = co_await verified_prefix(link, offset, data);
    if (!keep.ok()) co_return keep.error();
    data.resize(keep.value());
    idle = keep.value() > kept ? 0 : idle + 1;
    kept = keep.value();
    count_line_error(link);
    link.log(strprintf("Line error (%s), resuming the read from 0x%08x.", st.error().message().c_str(),
                       offset + uint32_t(data.size())));
  }
}

}  // namespace esptool::ops
