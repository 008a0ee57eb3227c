#include "core/ops/flash_md5.h"

#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {
namespace {
int hex_value(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

engine::Task<Result<Bytes>> flash_md5(engine::Link& link, uint32_t offset, uint32_t size) {
  proto::SpiFlashMd5 cmd{offset, size};
  Result<Bytes> r = co_await link.call(cmd, proto::timeout_per_mb(proto::kMd5TimeoutPerMbMs, size));
  if (!r.ok()) co_return r.error();
  const Bytes& p = r.value();
  if (link.session().is_stub) {
    if (p.size() < 16) co_return make_error(Errc::kBadFrame, "SPI_FLASH_MD5 reply is shorter than 16 bytes");
    co_return copy_bytes(std::span<const uint8_t>(p).first(16));
  }
  if (p.size() < 32) co_return make_error(Errc::kBadFrame, "SPI_FLASH_MD5 reply is shorter than 32 hex digits");
  Bytes digest(16);
  for (size_t i = 0; i < 16; ++i) {
    const int hi = hex_value(p[2 * i]), lo = hex_value(p[2 * i + 1]);
    if (hi < 0 || lo < 0) co_return make_error(Errc::kBadFrame, "SPI_FLASH_MD5 reply is not hex");
    digest[i] = uint8_t(hi << 4 | lo);
  }
  co_return digest;
}

}  // namespace esptool::ops
