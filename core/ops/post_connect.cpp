#include "core/ops/post_connect.h"

#include "core/chips/usb.h"

namespace esptool::ops {

engine::Task<Status> post_connect(engine::Link& link, bool sync_stub_detected) {
  engine::Session& s = link.session();
  s.usb_mode = chips::UsbMode::kUart;
  if (s.chip == nullptr) co_return Status::Ok();
  const chips::ChipInfo& chip = *s.chip;
  const std::vector<uint32_t> mode_regs = chips::usb_mode_registers(chip, s.secure_download_mode);
  if (mode_regs.empty()) co_return Status::Ok();
  Result<uint32_t> buf_no = co_await link.read_reg(mode_regs.front());
  if (!buf_no.ok()) co_return buf_no.error();
  s.usb_mode = chips::decode_usb_mode(chip, buf_no.value());
  if (!chips::should_disable_watchdogs(chip, s.usb_mode, sync_stub_detected)) co_return Status::Ok();
  Result<uint32_t> swd_conf = co_await link.read_reg(chip.watchdogs->swd_conf);
  if (!swd_conf.ok()) co_return swd_conf.error();
  for (const chips::RegWrite& w : chips::watchdog_disable_writes(chip, swd_conf.value())) {
    Status written = co_await link.write_reg(w.address, w.value, w.mask);
    if (!written.ok()) co_return written;
  }
  co_return Status::Ok();
}

}  // namespace esptool::ops
