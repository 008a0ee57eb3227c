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

// The device's MD5 of the region against the bytes that arrived (stub and ROM reads alike).
Status check_read_digest(const Bytes& device_md5, const Bytes& data) {
  const Bytes received_md5 = util::md5(data);
  if (device_md5 == received_md5) return Status::Ok();
  return make_error(Errc::kDigestMismatch,
                    strprintf("Digest mismatch: expected %s, got %s", to_hex(device_md5).c_str(),
                              to_hex(received_md5).c_str()),
                    "Try again at a lower baud rate.");
}

Task<Result<Bytes>> read_streamed(Link& link, uint32_t offset, uint32_t length) {
  proto::ReadFlash cmd{offset, length, kPacketSize, kMaxInflight};
  Result<Bytes> started = co_await link.call(cmd, proto::kDefaultTimeoutMs);
  if (!started.ok()) co_return started.error();
  Bytes data;
  data.reserve(length);
  while (data.size() < length) {
    Result<Bytes> packet = co_await link.read_frame(kPacketTimeoutMs);
    if (!packet.ok()) {
      Error e = packet.error();
      e.detail = strprintf("Reading flash at 0x%08x stopped after %zu of %u bytes: %s", offset,
                           data.size(), length, e.detail.c_str());
      co_return e;
    }
    append(data, packet.value());
    if (data.size() < length && packet.value().size() < kPacketSize) {
      co_return make_error(Errc::kBadFrame, strprintf("Corrupt data, expected 0x%x bytes but received "
                                                      "0x%zx bytes", kPacketSize, packet.value().size()));
    }
    if (data.size() > length) co_return make_error(Errc::kBadFrame, "Read more than expected");
    Bytes ack;
    append_le32(ack, uint32_t(data.size()));
    co_await link.write(proto::slip_encode(ack));
    link.progress("read", data.size(), length, offset);
  }
  Result<Bytes> digest = co_await link.read_frame(kPacketTimeoutMs);
  if (!digest.ok()) co_return digest.error();
  if (digest.value().size() != 16) {
    co_return make_error(Errc::kBadFrame, "Expected digest, got: " + to_hex(digest.value()));
  }
  ESPT_CO_TRY(check_read_digest(digest.value(), data));
  co_return data;
}

Task<Result<Bytes>> read_slow(Link& link, uint32_t offset, uint32_t length) {
  Bytes data;
  data.reserve(length);
  while (data.size() < length) {
    const uint32_t at = offset + uint32_t(data.size());
    const uint32_t n = std::min<uint32_t>(kSlowChunk, length - uint32_t(data.size()));
    proto::ReadFlashSlow cmd{at, n};
    Result<Bytes> chunk = co_await link.call(cmd, proto::kDefaultTimeoutMs);
    if (!chunk.ok()) {
      Error e = chunk.error();
      e.hint_text = "If the flash is smaller than the read, pass --flash_size.";
      co_return e;
    }
    // The ROM always answers 64 bytes; any other length is a garbled reply (esptool only checks
    // for too few and would keep shifted data).
    if (chunk.value().size() != kSlowChunk) {
      co_return make_error(Errc::kBadFrame,
                           strprintf("Expected %u byte block, got %zu bytes. Serial errors?", kSlowChunk,
                                     chunk.value().size()));
    }
    data.insert(data.end(), chunk.value().begin(), chunk.value().begin() + n);
    link.progress("read", data.size(), length, offset);
  }
  // READ_FLASH_SLOW replies carry no checksum: a flipped bit would go unnoticed. Every ROM that
  // has READ_FLASH_SLOW also has SPI_FLASH_MD5, so the read is checked as the stub's is.
  Result<Bytes> digest = co_await flash_md5(link, offset, length);
  if (!digest.ok()) co_return digest.error();
  ESPT_CO_TRY(check_read_digest(digest.value(), data));
  co_return data;
}

}  // namespace

Task<Result<Bytes>> read_flash(Link& link, uint32_t offset, uint32_t length) {
  const engine::Session& s = link.session();
  if (s.is_stub) co_return co_await read_streamed(link, offset, length);
  if (s.chip != nullptr && s.chip->is_esp8266) {
    co_return make_error(Errc::kUnsupportedCommand, "ESP8266 ROM does not support function read_flash_slow.",
                         "Run without --no-stub.");
  }
  co_return co_await read_slow(link, offset, length);
}

}  // namespace esptool::ops
