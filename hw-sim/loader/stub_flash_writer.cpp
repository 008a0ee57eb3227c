// StubFlashWriter: lazy erase, trimmed writes, 32 KiB inflate buffer, latched errors.
#include "hw-sim/loader/stub_flash_writer.h"

#include <algorithm>

#include "hw-sim/loader/flash_ops.h"

namespace hwsim {
namespace {

constexpr uint32_t kSectorsPerBlock = kBlockSize / kSectorSize;
constexpr size_t kOutBufSize = 32 * 1024;  // stub's static out_buf[32768]

}  // namespace

void StubFlashWriter::begin(uint32_t total_size, uint32_t offset) {
  in_flash_mode_ = true;
  next_write_ = offset;
  next_erase_sector_ = offset / kSectorSize;
  remaining_ = total_size;
  remaining_erase_sectors_ = (offset % kSectorSize + total_size + kSectorSize - 1) / kSectorSize;
  last_error_ = stub_error::kOk;
  out_buf_.clear();
  flash_.unlock();  // SPIUnlock: clear block protection, keep QE
}

void StubFlashWriter::begin_deflate(uint32_t uncompressed_size, uint32_t compressed_budget,
                                    uint32_t offset) {
  begin(uncompressed_size, offset);
  inflater_.reset();
  remaining_compressed_ = compressed_budget;
}

// stub_write_flash.c start_next_erase(): issues the next erase and returns at once, or does
// nothing while the flash is still busy (the caller tries again later). The erase runs on while
// the stub inflates, ACKs and receives the next block; the next program waits for it
// (NorFlash::start). Returning the erase's end here instead would stall every ACK behind it.
void StubFlashWriter::start_next_erase(Millis now) {
  if (remaining_erase_sectors_ == 0 || flash_.is_busy(now)) return;
  const bool block =
      remaining_erase_sectors_ >= kSectorsPerBlock && next_erase_sector_ % kSectorsPerBlock == 0;
  const uint32_t address = next_erase_sector_ * kSectorSize;
  // ROM SPIEraseSector/Block refuse addresses past the configured chip size; the stub ignores
  // that result, so the sector is simply left as it was.
  if (address < chip_size_) {
    if (block) {
      flash_.erase_block(address, now);
    } else {
      flash_.erase_sector(address, now);
    }
  }
  const uint32_t count = block ? kSectorsPerBlock : 1;
  remaining_erase_sectors_ -= count;
  next_erase_sector_ += count;
}

Millis StubFlashWriter::write(std::span<const uint8_t> data, Millis now) {
  uint32_t length = static_cast<uint32_t>(data.size());
  if (length > remaining_) length = remaining_;  // trim the padding of the final block
  if (length == 0) return now;
  // Erase at least through the sector the write ends in (stub: last_sector = end / 4096).
  const uint32_t last_sector = (next_write_ + length) / kSectorSize;
  Millis t = now;
  // The stub spins on start_next_erase() until the flash is ready for the next erase.
  while (remaining_erase_sectors_ > 0 && next_erase_sector_ <= last_sector) {
    t = std::max(t, flash_.busy_until());
    start_next_erase(t);
  }
  if (static_cast<uint64_t>(next_write_) + length > chip_size_) {
    last_error_ = stub_error::kFailedSpiOp;  // SPIWrite past chip_size fails
  } else {
    t = flash_.program(next_write_, data.first(length), t);
  }
  next_write_ += length;
  remaining_ -= length;
  return t;
}

Millis StubFlashWriter::write_deflated(std::span<const uint8_t> data, Millis now) {
  // After all output is written, only a split Adler-32 (<= 4 bytes) may still arrive.
  if (remaining_ == 0 && data.size() > 4) {
    last_error_ = stub_error::kTooMuchData;
    return now;
  }
  Millis t = now;
  Inflater::Status status = Inflater::Status::kNeedsMore;
  Bytes chunk(kOutBufSize);
  // zlib may hold decoded bytes after taking all input when the buffer filled up; keep
  // draining then (tinfl keeps the input instead, with the same net effect).
  bool buffer_filled = false;
  while ((!data.empty() || buffer_filled) && remaining_ > 0 &&
         status == Inflater::Status::kNeedsMore) {
    const size_t space = kOutBufSize - out_buf_.size();
    start_next_erase(t);  // opportunistic: the erase runs while the CPU inflates
    const Inflater::Step step = inflater_.step(data, std::span<uint8_t>(chunk.data(), space));
    status = step.status;
    data = data.subspan(step.consumed);
    remaining_compressed_ -=
        static_cast<uint32_t>(std::min<size_t>(step.consumed, remaining_compressed_));
    out_buf_.insert(out_buf_.end(), chunk.begin(),
                    chunk.begin() + static_cast<long>(step.produced));
    t += inflate_cost(static_cast<uint32_t>(step.produced));
    buffer_filled = step.produced == space;
    if (status == Inflater::Status::kDone || out_buf_.size() == kOutBufSize) {
      t = write(out_buf_, t);
      out_buf_.clear();
    }
    if (step.consumed == 0 && step.produced == 0) break;
  }
  if (status == Inflater::Status::kError) last_error_ = stub_error::kInflateError;
  if (status == Inflater::Status::kDone && remaining_ > 0) last_error_ = stub_error::kNotEnoughData;
  return t;
}

uint8_t StubFlashWriter::end() {
  if (!in_flash_mode_) return stub_error::kNotInFlashMode;
  if (remaining_ > 0) return stub_error::kNotEnoughData;
  in_flash_mode_ = false;
  return last_error_;
}

}  // namespace hwsim
