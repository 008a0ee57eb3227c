// StubLoader: first-stage work before the status bytes, deferred work after the reply.
#include "hw-sim/loader/stub_loader.h"

#include <algorithm>

#include "hw-sim/flash/nor_flash.h"
#include "hw-sim/loader/flash_ops.h"
#include "hw-sim/loader/opcodes.h"
#include "hw-sim/loader/security_info.h"
#include "hw-sim/soc/address_space.h"
#include "hw-sim/soc/spi_controller.h"

namespace hwsim {
namespace {

using namespace stub_error;

uint32_t word(const Request& r, size_t index) { return le32(r.data, 4 * index); }

uint8_t need_length(const Request& r, size_t length) {
  return r.data.size() == length ? kOk : kBadDataLen;
}

// `verify_data_len(...) || handler()` in the stub's C: any failure becomes 1.
uint8_t collapse(uint8_t error) { return error == kOk ? kOk : kGeneric; }

constexpr Millis kBaudSwitchDelay = 10.0;  // ets_delay_us(10000) in stub_io_set_baudrate
constexpr Millis kRebootDelay = 10.0;      // ets_delay_us(10000) before software_reset()
constexpr Millis kJumpDelay = 1.0;         // ets_delay_us(1000) before jumping to MEM_END entry

}  // namespace

StubLoader::StubLoader(LoaderContext& ctx) : ctx_(ctx), writer_(ctx.flash()) {
  writer_.set_chip_size(ctx.chip().stub_flash_max_size);
}

Millis StubLoader::handle(std::span<const uint8_t> frame, Millis now) {
  if (reading_) return read_ack(frame, now);
  if (frame.size() < 8) return now;  // too short to be a command: nothing to act on
  // The stub does not check the direction byte; parse as if it were 0.
  Bytes copy(frame.begin(), frame.end());
  copy[0] = 0;
  const std::optional<Request> request = parse_request(copy);
  return command(*request, now);
}

void StubLoader::send(uint8_t op, const Reply& reply, Millis at) {
  const uint8_t status[2] = {reply.error, reply.status};
  ctx_.send_frame(build_reply(op, reply.value, reply.payload, status), at);
}

Millis StubLoader::command(const Request& r, Millis now) {
  Millis t = now + kCommandOverhead;
  if (r.size > kMaxWriteBlock + 16 || !r.size_matches()) {
    Reply reply;
    reply.error = kBadDataLen;
    reply.status = r.size > kMaxWriteBlock + 16 ? 0xEE : 0;  // oversize packet marker
    send(r.op, reply, t);
    return t;
  }
  if (op::block_too_large(r.op, r.data.size(), ctx_.max_data_block())) {
    // USB-OTG: the stub's USB receive buffer holds 0x800-byte blocks (esptool USB_RAM_BLOCK);
    // a larger block is answered "bad data length" here instead of being lost on the way.
    Reply reply;
    reply.error = kBadDataLen;
    send(r.op, reply, t);
    return t;
  }
  if (r.op == op::kRunUserCode) {  // no reply: the stub returns into the ROM's boot path
    ctx_.run_user_code(t);
    return t;
  }
  const Reply reply = first_stage(r, &t);
  if (r.op == op::kSync && reply.error == kOk) {
    for (int i = 0; i < 7; ++i) send(r.op, reply, t);
  }
  send(r.op, reply, t);
  return reply.error == kOk ? after_reply(r, t) : t;
}

// Work done before the status bytes are sent (stub_flasher.c cmd_loop, first switch).
StubLoader::Reply StubLoader::first_stage(const Request& r, Millis* t) {
  Reply reply;
  reply.error = kNotImplemented;
  const ChipModel& chip = ctx_.chip();
  switch (r.op) {
    case op::kSync:
      reply.error = need_length(r, 36);
      break;
    case op::kReadReg:
      reply.error = need_length(r, 4);
      if (reply.error == kOk) reply.value = ctx_.bus().read_word(word(r, 0), *t);
      break;
    case op::kWriteReg:
      reply.error = r.data.size() % 16 != 0 ? kBadDataLen : kOk;
      for (size_t i = 0; reply.error == kOk && i < r.data.size() / 16; ++i) {
        *t += word(r, 4 * i + 3) / 1000.0;
        const uint32_t address = word(r, 4 * i), mask = word(r, 4 * i + 2);
        uint32_t v = word(r, 4 * i + 1) & mask;
        if (mask != 0xFFFFFFFFu) v |= ctx_.bus().read_word(address, *t) & ~mask;
        ctx_.bus().write_word(address, v, *t);
      }
      break;
    case op::kMemBegin:
      reply.error = mem_begin(r);
      break;
    case op::kMemData:
      reply.error = mem_data(r);
      break;
    case op::kMemEnd:
      reply.error = mem_end(r);
      break;
    case op::kFlashBegin:
      reply.error = begin(r, false);
      break;
    case op::kFlashDeflBegin:
      reply.error = begin(r, true);
      break;
    case op::kFlashEncryptData:
      if (!chip.stub_has_encrypt_data) break;
      [[fallthrough]];  // encryption is not modelled: the data is written as sent
    case op::kFlashData:
    case op::kFlashDeflData:
      reply.error = data_check(r);
      break;
    case op::kFlashEnd:
    case op::kFlashDeflEnd:
      reply.error = writer_.end();
      break;
    case op::kSpiSetParams:
      reply.error = collapse(need_length(r, 24));
      if (reply.error == kOk) writer_.set_chip_size(word(r, 1));
      break;
    case op::kSpiAttach:
      reply.error = collapse(need_length(r, 4));
      if (reply.error == kOk) ctx_.spi().set_attached(true);
      break;
    case op::kChangeBaudrate:
      reply.error = need_length(r, 8);
      break;
    case op::kReadFlash:
      reply.error = need_length(r, 16);
      break;
    case op::kSpiFlashMd5:
      reply.error = md5_region(r, &reply.payload, t);
      break;
    case op::kGetSecurityInfo:
      if (chip.security_info == SecurityInfoForm::kNone) break;  // not built for ESP32/ESP8266
      reply.error = collapse(need_length(r, 0));
      if (reply.error == kOk) reply.payload = security_info_payload(chip, ctx_.secure_boot(), ctx_.secure_download_mode());
      break;
    case op::kEraseFlash:
      reply.error = collapse(need_length(r, 0));
      if (reply.error == kOk) *t = ctx_.flash().erase_chip(*t);
      break;
    case op::kEraseRegion:
      reply.error = erase_region(r, t);
      break;
    default:
      break;  // 0xFF: command not implemented
  }
  return reply;
}

// Work done after the reply went out (stub_flasher.c cmd_loop, second switch).
Millis StubLoader::after_reply(const Request& r, Millis t) {
  const std::span<const uint8_t> payload =
      r.data.size() >= 16 ? r.data.subspan(16) : std::span<const uint8_t>();
  switch (r.op) {
    case op::kChangeBaudrate: {
      // new divider = old divider * old_baud / new_baud, so the real rate scales by old/new.
      const uint32_t new_baud = word(r, 0), old_baud = word(r, 1);
      const ChipModel& chip = ctx_.chip();
      const uint64_t clock16 = static_cast<uint64_t>(chip.uart_clock_hz) * 16;
      uint64_t div16 = clock16 / ctx_.uart_baud();
      if (!chip.uart_clkdiv_has_fraction) div16 = div16 / 16 * 16;
      uint64_t new_div16 = new_baud == 0 ? 0 : div16 * old_baud / new_baud;
      if (!chip.uart_clkdiv_has_fraction) new_div16 = new_div16 / 16 * 16;
      if (new_div16 != 0)
        ctx_.set_uart_baud(static_cast<uint32_t>(clock16 / new_div16), t + kBaudSwitchDelay);
      return t + kBaudSwitchDelay;
    }
    case op::kReadFlash:
      start_read(r, t);
      return t;
    case op::kFlashData:
    case op::kFlashEncryptData:
      return writer_.write(payload, t);
    case op::kFlashDeflData:
      return writer_.write_deflated(payload, t);
    case op::kFlashEnd:
    case op::kFlashDeflEnd:
      if (word(r, 0) == 0) {
        ctx_.software_reset(t + kRebootDelay);
        return t + kRebootDelay;
      }
      return t;
    case op::kMemEnd: {
      const uint32_t entry = word(r, 1);
      if (entry == 0) return t;
      const bool known =
          std::any_of(uploaded_.begin(), uploaded_.end(), [entry](const UploadedRange& u) {
            return entry >= u.address && entry - u.address < u.size;
          });
      if (known) {
        ctx_.start_stub(t + kJumpDelay);
      } else {
        ctx_.run_unknown_code(t + kJumpDelay);
      }
      return t + kJumpDelay;
    }
    default:
      return t;
  }
}

uint8_t StubLoader::mem_begin(const Request& r) {
  if (need_length(r, 16) != kOk) return kGeneric;
  mem_started_ = true;
  mem_remaining_ = word(r, 0);
  mem_address_ = word(r, 3);
  uploaded_.push_back({mem_address_, mem_remaining_});
  return kOk;
}

uint8_t StubLoader::mem_data(const Request& r) {
  // The stub checks no checksum here (stub_commands.c handle_mem_data).
  const uint32_t length = r.data.size() >= 16 ? static_cast<uint32_t>(r.data.size() - 16) : 0;
  if (!mem_started_ && length > 0) return kNotInFlashMode;
  if (length > mem_remaining_) return kTooMuchData;
  if (length % 4 != 0) return kBadDataLen;
  ctx_.bus().write_bytes(mem_address_, r.data.subspan(16));
  mem_address_ += length;
  mem_remaining_ -= length;
  return kOk;
}

uint8_t StubLoader::mem_end(const Request& r) {
  if (need_length(r, 8) != kOk) return kGeneric;
  const uint8_t result = mem_remaining_ > 0 ? kNotEnoughData : kOk;
  mem_remaining_ = 0;
  mem_started_ = false;
  return collapse(result);
}

uint8_t StubLoader::begin(const Request& r, bool deflate) {
  if (r.data.size() == 16 && word(r, 2) > kMaxWriteBlock) return kBadBlocksize;
  if (need_length(r, 16) != kOk) return kGeneric;       // the ROM's 20-byte form is refused
  if (ctx_.flash().is_powered_down()) return kGeneric;  // SPIUnlock fails: flash not answering
  if (deflate) {
    writer_.begin_deflate(word(r, 0), word(r, 1) * word(r, 2), word(r, 3));
  } else {
    writer_.begin(word(r, 0), word(r, 3));
  }
  return kOk;
}

uint8_t StubLoader::data_check(const Request& r) const {
  if (!writer_.in_flash_mode()) return kNotInFlashMode;
  uint8_t error = writer_.last_error();
  const int64_t payload_len = static_cast<int64_t>(r.data.size()) - 16;
  if (payload_len < 0 || word(r, 0) != payload_len) error = kBadDataLen;
  if (payload_len >= 0 && (r.checksum & 0xFF) != data_checksum(r.data.subspan(16))) {
    error = kBadDataChecksum;
  }
  return error;
}

uint8_t StubLoader::erase_region(const Request& r, Millis* t) {
  if (need_length(r, 8) != kOk) return kGeneric;
  const uint32_t offset = word(r, 0), size = word(r, 1);
  if (offset % kSectorSize != 0 || size % kSectorSize != 0) return kGeneric;  // 0x32 / 0x33
  ctx_.flash().unlock();
  if (static_cast<uint64_t>(offset) + size > writer_.chip_size()) return kGeneric;  // 0x35..0x37
  *t = hwsim::erase_region(ctx_.flash(), offset, size, *t);
  return kOk;
}

uint8_t StubLoader::md5_region(const Request& r, Bytes* payload, Millis* t) {
  if (need_length(r, 16) != kOk) return kGeneric;
  const uint32_t address = word(r, 0), size = word(r, 1);
  if (static_cast<uint64_t>(address) + size > writer_.chip_size()) return kGeneric;  // 0x63
  const auto digest = md5(ctx_.flash().read(address, size));
  payload->assign(digest.begin(), digest.end());
  *t += md5_cost(size);
  return kOk;
}

void StubLoader::start_read(const Request& r, Millis t) {
  read_address_ = word(r, 0);
  read_length_ = word(r, 1);
  read_packet_ = word(r, 2);
  read_max_inflight_ = word(r, 3);
  if (read_packet_ > kSectorSize) return;  // larger than its buffer: the stub does nothing
  read_sent_ = 0;
  read_acked_ = 0;
  read_md5_ = Md5();
  reading_ = true;
  if (read_length_ == 0) {
    finish_read(t);
    return;
  }
  send_read_window(t);
}

Millis StubLoader::send_read_window(Millis t) {
  while (read_sent_ < read_length_ && read_sent_ - read_acked_ < read_max_inflight_) {
    const uint32_t n = std::min(read_packet_, read_length_ - read_sent_);
    if (static_cast<uint64_t>(read_address_) + n > writer_.chip_size()) {  // SPIRead fails
      finish_read(t);
      return t;
    }
    const Bytes data = ctx_.flash().read(read_address_, n);
    t += ctx_.flash().read_cost(n);
    ctx_.send_frame(data, t);
    read_md5_.update(data);
    read_address_ += n;
    read_sent_ += n;
  }
  return t;
}

Millis StubLoader::read_ack(std::span<const uint8_t> frame, Millis now) {
  Millis t = now + kCommandOverhead;
  if (frame.size() != 4) {  // not an ACK: the stub gives up and sends the digest
    finish_read(t);
    return t;
  }
  read_acked_ = le32(frame, 0);
  if (!(read_acked_ < read_length_ && read_acked_ <= read_sent_)) {
    finish_read(t);
    return t;
  }
  return send_read_window(t);
}

void StubLoader::finish_read(Millis t) {
  const auto digest = read_md5_.finish();
  ctx_.send_frame(digest, t);
  reading_ = false;
}

}  // namespace hwsim
