// RomLoader's flash-write handlers (FLASH_BEGIN/DATA/END and the deflate variants): erase up
// front, write each block where its sequence number puts it, read back, answer after the work.
#include <algorithm>

#include "hw-sim/flash/nor_flash.h"
#include "hw-sim/loader/flash_ops.h"
#include "hw-sim/loader/rom_errors.h"
#include "hw-sim/loader/rom_loader.h"
#include "hw-sim/soc/spi_controller.h"

namespace hwsim {
namespace {

using namespace rom_error;

constexpr size_t kInflateChunk = 32 * 1024;  // miniz output buffer size in the ROM and stub

uint32_t word(const Request& r, size_t index) { return le32(r.data, 4 * index); }

}  // namespace

RomLoader::Reply RomLoader::begin_common(const Request& r, Millis now, bool deflate) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  // esptool sends the 5th (`encrypted`) word to S2-and-later ROMs only; esptool-js sends it to
  // every ROM for FLASH_BEGIN and to some for FLASH_DEFL_BEGIN, and real ROMs take both forms,
  // so both lengths are accepted (the word only matters on chips that support encryption).
  if (r.data.size() != 16 && r.data.size() != 20) {
    reply.error = kInvalidMessage;
    return reply;
  }
  const uint32_t size = word(r, 0), blocks = word(r, 1), block_size = word(r, 2);
  const uint32_t offset = word(r, 3);
  const ChipModel& chip = ctx_.chip();
  if (chip.rom_begin_attaches_flash) ctx_.spi().set_attached(true);
  if (static_cast<uint64_t>(offset) + size > param_flash_size_) {
    reply.error = kFailedToAct;
    return reply;
  }
  if (size > 0) {
    uint32_t sectors = (size + kSectorSize - 1) / kSectorSize;
    if (chip.rom_erase_size_bug) {
      // ESP8266 ROM: erases n + min(n, sectors to the next 64 KiB block) sectors (inferred from
      // esptool's get_erase_size workaround, serial-protocol.md §7.2).
      const uint32_t head = 16 - (offset / kSectorSize) % 16;
      sectors += std::min(sectors, head);
    }
    if (ctx_.spi().is_attached()) {
      ctx_.flash().unlock();
      reply.done =
          erase_region(ctx_.flash(), offset & ~(kSectorSize - 1), sectors * kSectorSize, now) +
          kCommandOverhead;
    }
  }
  flash_active_ = true;
  flash_deflate_ = deflate;
  flash_offset_ = offset;
  flash_size_ = size;
  flash_blocks_ = blocks;
  flash_block_size_ = block_size;
  next_seq_ = 0;
  inflated_ = 0;
  inflater_.reset();
  return reply;
}

RomLoader::Reply RomLoader::flash_begin(const Request& r, Millis now) {
  return begin_common(r, now, false);
}

RomLoader::Reply RomLoader::defl_begin(const Request& r, Millis now) {
  return begin_common(r, now, true);
}

RomLoader::Reply RomLoader::flash_data(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  uint32_t seq = 0;
  if (!flash_active_ || flash_deflate_) {
    reply.error = kFailedToAct;
    return reply;
  }
  if (!block_ok(r, reply, &seq)) return reply;
  const std::span<const uint8_t> payload = r.data.subspan(16);
  const uint32_t address = flash_offset_ + seq * flash_block_size_;
  if (seq >= flash_blocks_ || static_cast<uint64_t>(address) + payload.size() > param_flash_size_) {
    reply.error = kInvalidMessage;
    return reply;
  }
  // The ROM programs the whole block (padding included), then reads it back.
  Millis t = now;
  if (ctx_.spi().is_attached()) t = ctx_.flash().program(address, payload, now);
  const Bytes back = ctx_.spi().is_attached()
                         ? ctx_.flash().read(address, static_cast<uint32_t>(payload.size()))
                         : Bytes(payload.size(), 0xFF);
  if (!std::equal(back.begin(), back.end(), payload.begin())) reply.error = kFlashWriteError;
  next_seq_ = seq + 1;
  reply.done = t + kCommandOverhead;
  return reply;
}

RomLoader::Reply RomLoader::defl_data(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  uint32_t seq = 0;
  if (!flash_active_ || !flash_deflate_) {
    reply.error = kFailedToAct;
    return reply;
  }
  if (!block_ok(r, reply, &seq)) return reply;
  if (seq != next_seq_ || seq >= flash_blocks_) {
    reply.error = kInvalidMessage;  // inflation is stateful: blocks must come in order
    return reply;
  }
  next_seq_ = seq + 1;
  std::span<const uint8_t> input = r.data.subspan(16);
  Bytes chunk(kInflateChunk);
  Millis t = now;
  bool chunk_filled = false;  // zlib may still hold output after taking all input
  while ((!input.empty() || chunk_filled) && !inflater_.is_done()) {
    const Inflater::Step step = inflater_.step(input, chunk);
    input = input.subspan(step.consumed);
    chunk_filled = step.produced == chunk.size();
    if (step.status == Inflater::Status::kError) {
      reply.error = kDeflateError;
      break;
    }
    if (step.produced > 0) {
      const uint32_t address = flash_offset_ + inflated_;
      if (inflated_ + step.produced > flash_size_) {
        reply.error = kDeflateError;  // more data than FLASH_DEFL_BEGIN announced
        break;
      }
      const std::span<const uint8_t> out(chunk.data(), step.produced);
      t += inflate_cost(static_cast<uint32_t>(step.produced));
      if (ctx_.spi().is_attached()) t = ctx_.flash().program(address, out, t);
      const Bytes back = ctx_.spi().is_attached()
                             ? ctx_.flash().read(address, static_cast<uint32_t>(out.size()))
                             : Bytes(out.size(), 0xFF);
      inflated_ += static_cast<uint32_t>(step.produced);
      if (!std::equal(back.begin(), back.end(), out.begin())) {
        reply.error = kFlashWriteError;
        break;
      }
    }
    if (step.consumed == 0 && step.produced == 0) break;
  }
  reply.done = t + kCommandOverhead;
  return reply;
}

RomLoader::Reply RomLoader::flash_end(const Request& r, Millis now) {
  Reply reply;
  reply.done = now + kCommandOverhead;
  if (r.data.size() != 4) {
    reply.error = kInvalidMessage;
    return reply;
  }
  if (!flash_active_) {
    reply.error = kFailedToAct;
    return reply;
  }
  flash_active_ = false;
  // Flag 0 reboots (straps stay latched); 1 leaves the loader and runs the app in flash.
  if (word(r, 0) == 0) {
    ctx_.software_reset(reply.done);
  } else {
    ctx_.run_user_code(reply.done);
  }
  return reply;
}

}  // namespace hwsim
