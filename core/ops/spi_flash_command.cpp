#include "core/ops/spi_flash_command.h"

#include "core/chips/chip.h"

namespace esptool::ops {
namespace {

using engine::Link;
using engine::Task;

// loader.py run_spiflash_command bit assignments.
constexpr uint32_t kUsrCommand = 1u << 31, kUsrMiso = 1u << 28, kUsrMosi = 1u << 27;
constexpr uint32_t kCmdUsr = 1u << 18;
constexpr uint32_t kMisoBitlenShift = 8, kMosiBitlenShift = 17;  // ESP8266 USR1 layout
constexpr int kPollAttempts = 10;

}  // namespace

Task<Result<uint32_t>> spi_flash_command(Link& link, uint8_t command, std::span<const uint8_t> data,
                                         uint32_t read_bits) {
  const chips::ChipInfo* chip = link.session().chip;
  if (chip == nullptr) co_return make_error(Errc::kInternal, "SPI command before connect");
  const chips::SpiFlashRegs& r = chip->spi;
  const uint32_t usr = r.base + r.usr, usr1 = r.base + r.usr1, usr2 = r.base + r.usr2;
  const uint32_t w0 = r.base + r.w0, cmd_reg = r.base;
  const uint32_t data_bits = uint32_t(data.size()) * 8;

  Result<uint32_t> old_usr = co_await link.read_reg(usr);
  if (!old_usr.ok()) co_return old_usr.error();
  Result<uint32_t> old_usr2 = co_await link.read_reg(usr2);
  if (!old_usr2.ok()) co_return old_usr2.error();

  uint32_t flags = kUsrCommand;
  if (read_bits > 0) flags |= kUsrMiso;
  if (data_bits > 0) flags |= kUsrMosi;
  if (r.has_dlen_regs()) {
    if (data_bits > 0) ESPT_CO_TRY(co_await link.write_reg(r.base + r.mosi_dlen, data_bits - 1));
    if (read_bits > 0) ESPT_CO_TRY(co_await link.write_reg(r.base + r.miso_dlen, read_bits - 1));
  } else {
    const uint32_t mosi = data_bits ? data_bits - 1 : 0, miso = read_bits ? read_bits - 1 : 0;
    ESPT_CO_TRY(co_await link.write_reg(usr1, (miso << kMisoBitlenShift) | (mosi << kMosiBitlenShift)));
  }
  ESPT_CO_TRY(co_await link.write_reg(usr, flags));
  ESPT_CO_TRY(co_await link.write_reg(usr2, (7u << 28) | command));
  if (data_bits == 0) {
    ESPT_CO_TRY(co_await link.write_reg(w0, 0));  // cleared so the read is clean
  } else {
    for (size_t i = 0; i < data.size(); i += 4) {
      uint8_t word[4] = {0, 0, 0, 0};
      for (size_t j = 0; j < 4 && i + j < data.size(); ++j) word[j] = data[i + j];
      ESPT_CO_TRY(co_await link.write_reg(w0 + uint32_t(i), read_le32(word)));
    }
  }
  ESPT_CO_TRY(co_await link.write_reg(cmd_reg, kCmdUsr));
  bool done = false;
  for (int i = 0; i < kPollAttempts && !done; ++i) {
    Result<uint32_t> cmd = co_await link.read_reg(cmd_reg);
    if (!cmd.ok()) co_return cmd.error();
    done = (cmd.value() & kCmdUsr) == 0;
  }
  if (!done) co_return make_error(Errc::kTimeout, "SPI command did not complete in time");
  Result<uint32_t> status = co_await link.read_reg(w0);
  if (!status.ok()) co_return status.error();
  ESPT_CO_TRY(co_await link.write_reg(usr, old_usr.value()));
  ESPT_CO_TRY(co_await link.write_reg(usr2, old_usr2.value()));
  co_return status.value();
}

Task<Result<uint32_t>> read_flash_id(Link& link) {
  const Bytes none;
  co_return co_await spi_flash_command(link, 0x9F, none, 24);  // RDID
}

Task<Result<uint32_t>> read_flash_status(Link& link, uint32_t num_bytes) {
  static constexpr uint8_t kRdsr[] = {0x05, 0x35, 0x15};
  uint32_t status = 0;
  const Bytes none;
  for (uint32_t i = 0; i < num_bytes && i < 3; ++i) {
    Result<uint32_t> b = co_await spi_flash_command(link, kRdsr[i], none, 8);
    if (!b.ok()) co_return b.error();
    status += b.value() << (8 * i);
  }
  co_return status;
}

Task<Status> write_flash_status(Link& link, uint32_t value, uint32_t num_bytes, bool non_volatile) {
  static constexpr uint8_t kWrsr[] = {0x01, 0x31, 0x11};
  const uint8_t enable = non_volatile ? 0x06 /*WREN*/ : 0x50 /*WEVSR*/;
  const Bytes none;
  if (num_bytes == 2) {  // some flash chips take a 16-bit WRSR instead of WRSR2
    ESPT_CO_TRY(co_await spi_flash_command(link, enable, none, 0));
    const Bytes both = {uint8_t(value), uint8_t(value >> 8)};
    ESPT_CO_TRY(co_await spi_flash_command(link, kWrsr[0], both, 0));
  }
  for (uint32_t i = 0; i < num_bytes && i < 3; ++i) {
    ESPT_CO_TRY(co_await spi_flash_command(link, enable, none, 0));
    const Bytes one = {uint8_t(value >> (8 * i))};
    ESPT_CO_TRY(co_await spi_flash_command(link, kWrsr[i], one, 0));
  }
  ESPT_CO_TRY(co_await spi_flash_command(link, 0x04 /*WRDI*/, none, 0));
  co_return Status::Ok();
}

}  // namespace esptool::ops
