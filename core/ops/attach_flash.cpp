#include "core/ops/attach_flash.h"

#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {
namespace {

// targets/esp32.py get_chip_spi_pads: BLK0_RDATA5 holds CLK/Q/D/CS (5 bits each), RDATA3 HD.
constexpr uint32_t kEsp32EfuseRdata5 = 0x3FF5A014;
constexpr uint32_t kEsp32EfuseRdata3 = 0x3FF5A00C;

engine::Task<Result<uint32_t>> esp32_efuse_pads(engine::Link& link) {
  Result<uint32_t> w5 = co_await link.read_reg(kEsp32EfuseRdata5);
  if (!w5.ok()) co_return w5.error();
  Result<uint32_t> w3 = co_await link.read_reg(kEsp32EfuseRdata3);
  if (!w3.ok()) co_return w3.error();
  const uint32_t clk = w5.value() & 0x1F, q = (w5.value() >> 5) & 0x1F, d = (w5.value() >> 10) & 0x1F,
                 cs = (w5.value() >> 15) & 0x1F, hd = (w3.value() >> 4) & 0x1F;
  if (clk == 0 && q == 0 && d == 0 && cs == 0 && hd == 0) co_return 0u;
  co_return clk | (q << 6) | (d << 12) | (cs << 18) | (hd << 24);
}

}  // namespace

engine::Task<Status> attach_flash(engine::Link& link, std::optional<uint32_t> spi_connection) {
  engine::Session& s = link.session();
  if (s.chip == nullptr) co_return make_error(Errc::kInternal, "attach_flash before connect");
  if (s.is_stub && !spi_connection) co_return Status::Ok();
  if (!s.is_stub && s.chip->is_esp8266) {
    // The ESP8266 ROM has no SPI_ATTACH; FLASH_BEGIN(0, 0) attaches (loader.py flash_spi_attach).
    proto::BeginCommand begin{proto::Opcode::kFlashBegin, 0, 0, 0x400, 0};
    Result<Bytes> r = co_await link.call(begin, proto::kDefaultTimeoutMs);
    if (!r.ok()) co_return r.error();
    co_return Status::Ok();
  }
  uint32_t arg = spi_connection.value_or(0);
  if (!spi_connection && !s.secure_download_mode && std::string(s.chip->key) == "esp32") {
    Result<uint32_t> pads = co_await esp32_efuse_pads(link);
    if (!pads.ok()) co_return pads.error();
    arg = pads.value();
    if (arg != 0) link.log(strprintf("Attaching flash from eFuses' SPI pads configuration"));
  } else if (!spi_connection) {
    link.log("Enabling default SPI flash mode...");
  }
  proto::SpiAttach attach{arg, !s.is_stub};
  Result<Bytes> r = co_await link.call(attach, proto::kDefaultTimeoutMs);
  if (!r.ok()) co_return r.error();
  co_return Status::Ok();
}

}  // namespace esptool::ops
