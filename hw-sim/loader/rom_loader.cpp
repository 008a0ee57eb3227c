// RomLoader: dispatch, status bytes, and the non-flash-write handlers.
#include "hw-sim/loader/rom_loader.h"

#include <algorithm>

#include "hw-sim/flash/nor_flash.h"
#include "hw-sim/loader/flash_ops.h"
#include "hw-sim/loader/opcodes.h"
#include "hw-sim/loader/rom_errors.h"
#include "hw-sim/loader/security_info.h"
#include "hw-sim/loader/slip.h"
#include "hw-sim/soc/address_space.h"
#include "hw-sim/soc/spi_controller.h"
#include "hw-sim/util/md5.h"

namespace hwsim {
namespace {

using namespace rom_error;

constexpr uint32_t kReadSlowBlock = 64;  // READ_FLASH_SLOW always answers 64 bytes

uint32_t word(const Request& r, size_t index) { return le32(r.data, 4 * index); }

bool inside(const std::vector<UploadedRange>& ranges, uint32_t address) {
  return std::any_of(ranges.begin(), ranges.end(), [address](const UploadedRange& u) {
    return address >= u.address && address - u.address < u.size;
  });
}

constexpr uint32_t kDefaultParamFlashSize = 16 * 1024 * 1024;
constexpr uint32_t kSecureDownloadParamFlashSize = 2 * 1024 * 1024;

}  // namespace

RomLoader::RomLoader(LoaderContext& ctx)
    : ctx_(ctx),
      param_flash_size_(ctx.secure_download_mode() ? kSecureDownloadParamFlashSize
                                                   : kDefaultParamFlashSize) {}

RomLoader::Handler RomLoader::handler_for(uint8_t op) const {
  if (op >= 32 || (ctx_.chip().rom_opcodes & op_bit(op)) == 0) return nullptr;
  switch (op) {
    case op::kSync:
      return &RomLoader::sync;
    case op::kReadReg:
      return &RomLoader::read_reg;
    case op::kWriteReg:
      return &RomLoader::write_reg;
    case op::kMemBegin:
      return &RomLoader::mem_begin;
    case op::kMemData:
      return &RomLoader::mem_data;
    case op::kMemEnd:
      return &RomLoader::mem_end;
    case op::kFlashBegin:
      return &RomLoader::flash_begin;
    case op::kFlashData:
      return &RomLoader::flash_data;
    case op::kFlashEnd:
    case op::kFlashDeflEnd:
      return &RomLoader::flash_end;
    case op::kFlashDeflBegin:
      return &RomLoader::defl_begin;
    case op::kFlashDeflData:
      return &RomLoader::defl_data;
    case op::kSpiSetParams:
      return &RomLoader::spi_set_params;
    case op::kSpiAttach:
      return &RomLoader::spi_attach;
    case op::kReadFlashSlow:
      return &RomLoader::read_flash_slow;
    case op::kChangeBaudrate:
      return &RomLoader::change_baudrate;
    case op::kSpiFlashMd5:
      return &RomLoader::flash_md5;
    case op::kGetSecurityInfo:
      return &RomLoader::security_info;
    default:
      return nullptr;
  }
}

Millis RomLoader::handle(std::span<const uint8_t> frame, Millis now) {
  const std::optional<Request> request = parse_request(frame);
  if (!request) return now;  // not a command frame: the ROM ignores it
  if (ctx_.secure_download_mode() && !op::allowed_in_secure_download(request->op)) {
    return refuse(now);
  }
  const Handler handler = handler_for(request->op);
  if (handler == nullptr) {
    // Unsupported opcode: status 1, "invalid message" (esptool's ROM_INVALID_RECV_MSG).
    Reply reply;
    reply.error = kInvalidMessage;
    reply.done = now + kCommandOverhead;
    send(request->op, reply);
    return reply.done;
  }
  ctx_.lock_autobaud();
  Reply reply;
  if (op::block_too_large(request->op, request->data.size(), ctx_.max_data_block())) {
    // USB-OTG: the block does not fit the ROM's USB receive buffer. The real ROM would lose the
    // excess; an "invalid message" reply is our deterministic stand-in.
    reply.error = kInvalidMessage;
    reply.done = now + kCommandOverhead;
  } else if (!request->size_matches()) {
    reply.error = kInvalidMessage;
    reply.done = now + kCommandOverhead;
  } else {
    reply = (this->*handler)(*request, now);
  }
  send(request->op, reply);
  return reply.done;
}

// Secure Download Mode's answer to a command it does not serve: the refusal (kRefusalOp, status
// [1, 0x05]: esptool's ROM_INVALID_RECV_MSG) kRefusalRepeats times, no payload.
Millis RomLoader::refuse(Millis now) {
  ctx_.lock_autobaud();
  Reply reply;
  reply.error = kInvalidMessage;
  reply.done = now + kCommandOverhead;
  for (int i = 0; i < kRefusalRepeats; ++i) send(kRefusalOp, reply);
  return reply.done;
}

void RomLoader::send(uint8_t op, const Reply& reply) {
  // [status, error] (+ 2 reserved zero bytes on every ROM after the ESP8266's).
  Bytes status(ctx_.chip().rom_status_bytes, 0);
  status[0] = reply.error != 0 ? 1 : 0;
  status[1] = reply.error;
  ctx_.send_frame(build_reply(op, reply.value, reply.payload, status), reply.done);
}

RomLoader::Reply RomLoader::sync(const Request& r, Millis now) {
  static const uint8_t kHead[4] = {0x07, 0x07, 0x12, 0x20};
  Reply reply;
  reply.done = now + kCommandOverhead;
  const bool valid =
      r.data.size() == 36 && std::equal(kHead, kHead + 4, r.data.begin()) &&
      std::all_of(r.data.begin() + 4, r.data.end(), [](uint8_t b) { return b == 0x55; });
  if (!valid) {
    reply.error = kInvalidMessage;
    return reply;
  }
  reply.value = kSyncValue;
  for (int i = 0; i < 7; ++i) send(op::kSync, reply);  // 8 replies in all (serial-protocol.md §6)
  return reply;
}

RomLoader::Reply RomLoader::read_reg(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  if (r.data.size() != 4) {
    reply.error = kInvalidMessage;
    return reply;
  }
  reply.value = ctx_.bus().read_word(word(r, 0), now);
  return reply;
}

RomLoader::Reply RomLoader::write_reg(const Request& r, Millis now) {
  Reply reply;
  Millis t = now;
  if (r.data.empty() || r.data.size() % 16 != 0) {
    reply.error = kInvalidMessage;
  } else {
    for (size_t i = 0; i < r.data.size() / 16; ++i) {
      const uint32_t address = word(r, 4 * i), value = word(r, 4 * i + 1);
      const uint32_t mask = word(r, 4 * i + 2), delay_us = word(r, 4 * i + 3);
      t += delay_us / 1000.0;
      uint32_t v = value & mask;
      if (mask != 0xFFFFFFFFu) v |= ctx_.bus().read_word(address, t) & ~mask;
      ctx_.bus().write_word(address, v, t);
    }
  }
  reply.done = t + kCommandOverhead;
  return reply;
}

RomLoader::Reply RomLoader::mem_begin(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  if (r.data.size() != 16) {
    reply.error = kInvalidMessage;
    return reply;
  }
  mem_active_ = true;
  mem_size_ = word(r, 0);
  mem_blocks_ = word(r, 1);
  mem_block_size_ = word(r, 2);
  mem_address_ = word(r, 3);
  uploaded_.push_back({mem_address_, mem_size_});
  return reply;
}

bool RomLoader::block_ok(const Request& r, Reply& reply, uint32_t* seq) const {
  if (r.data.size() < 16 || word(r, 0) != r.data.size() - 16) {
    reply.error = kInvalidMessage;
    return false;
  }
  if ((r.checksum & 0xFF) != data_checksum(r.data.subspan(16))) {
    reply.error = kBadChecksum;
    return false;
  }
  *seq = word(r, 1);
  return true;
}

RomLoader::Reply RomLoader::mem_data(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  uint32_t seq = 0;
  if (!mem_active_) {
    reply.error = kFailedToAct;
    return reply;
  }
  if (!block_ok(r, reply, &seq)) return reply;
  const uint32_t offset = seq * mem_block_size_;
  const uint32_t length = static_cast<uint32_t>(r.data.size() - 16);
  if (seq >= mem_blocks_ || offset + length > mem_size_) {
    reply.error = kInvalidMessage;
    return reply;
  }
  ctx_.bus().write_bytes(mem_address_ + offset, r.data.subspan(16));
  return reply;
}

RomLoader::Reply RomLoader::mem_end(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  if (r.data.size() != 8) {
    reply.error = kInvalidMessage;
    return reply;
  }
  mem_active_ = false;
  const bool execute = word(r, 0) == 0;  // esptool sends flag = (entry == 0)
  const uint32_t entry = word(r, 1);
  if (execute) {
    // The jump happens once the reply is out; an entry inside uploaded code is a flasher stub
    // for this model (we cannot run Xtensa/RISC-V code, and a stub is what esptool uploads).
    if (entry != 0 && inside(uploaded_, entry)) {
      ctx_.start_stub(reply.done);
    } else {
      ctx_.run_unknown_code(reply.done);
    }
  }
  return reply;
}

RomLoader::Reply RomLoader::spi_set_params(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  if (r.data.size() != 24) {
    reply.error = kInvalidMessage;
    return reply;
  }
  param_flash_size_ = word(r, 1);
  return reply;
}

RomLoader::Reply RomLoader::spi_attach(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  // esptool sends the ROM form (hspi_arg + is_legacy + 3 reserved bytes), esptool-js the
  // stub's 4 bytes; the ROM takes either.
  if (r.data.size() != 8 && r.data.size() != 4) {
    reply.error = kInvalidMessage;
    return reply;
  }
  ctx_.spi().set_attached(true);
  return reply;
}

RomLoader::Reply RomLoader::read_flash_slow(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  if (r.data.size() != 8) {
    reply.error = kInvalidMessage;
    return reply;
  }
  const uint32_t offset = word(r, 0), length = word(r, 1);
  if (length > kReadSlowBlock) {
    reply.error = kReadLengthError;
    return reply;
  }
  if (static_cast<uint64_t>(offset) + length > param_flash_size_) {
    reply.error = kFlashReadError;
    return reply;
  }
  reply.payload = ctx_.spi().is_attached() ? ctx_.flash().read(offset, kReadSlowBlock)
                                           : Bytes(kReadSlowBlock, 0xFF);
  reply.done += ctx_.flash().read_cost(kReadSlowBlock);
  return reply;
}

RomLoader::Reply RomLoader::change_baudrate(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  if (r.data.size() != 8 || word(r, 0) == 0) {
    reply.error = kInvalidMessage;
    return reply;
  }
  // The ROM answers at the old rate, then reprograms the divider. (ESP32: esptool scales the
  // rate by the ROM's crystal estimate; this chip's calibration words make that factor 1.)
  ctx_.set_uart_baud(word(r, 0), reply.done);
  return reply;
}

RomLoader::Reply RomLoader::flash_md5(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  if (r.data.size() != 16) {
    reply.error = kInvalidMessage;
    return reply;
  }
  const uint32_t address = word(r, 0), size = word(r, 1);
  if (static_cast<uint64_t>(address) + size > param_flash_size_) {
    reply.error = kFlashReadError;
    return reply;
  }
  const Bytes data =
      ctx_.spi().is_attached() ? ctx_.flash().read(address, size) : Bytes(size, 0xFF);
  const std::string hex = to_hex(md5(data));  // 32 lower-case hex digits (serial-protocol.md §10)
  reply.payload.assign(hex.begin(), hex.end());
  reply.done += md5_cost(size);
  return reply;
}

RomLoader::Reply RomLoader::security_info(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  if (!r.data.empty()) {
    reply.error = kInvalidMessage;
    return reply;
  }
  reply.payload =
      security_info_payload(ctx_.chip(), ctx_.secure_boot(), ctx_.secure_download_mode());
  return reply;
}

}  // namespace hwsim
