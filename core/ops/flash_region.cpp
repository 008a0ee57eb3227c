#include "core/ops/flash_region.h"

#include <algorithm>

#include "core/chips/usb.h"
#include "core/ops/data_block.h"
#include "core/ops/deflate_ahead.h"
#include "core/ops/detect_chip.h"
#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {
namespace {

using engine::Link;
using engine::Task;

// How long a write waits for the host's compression of its region (DeviceRequest.host_deflates),
// checking every few ms; a thread that never answers costs this once, then the region is
// compressed here. 4 MiB take about 1 s on a desktop's baseline wasm code.
constexpr engine::Millis kHostDeflateWaitMs = 15000;
constexpr engine::Millis kHostDeflatePollMs = 5;

// FLASH_WRITE_SIZE: the chip's ROM or stub block, smaller on USB-OTG (chips/usb.h).
uint32_t flash_block(const engine::Session& s) {
  if (s.chip == nullptr) return s.is_stub ? kStubFlashBlock : kRomFlashBlock;
  return chips::flash_block_size(*s.chip, s.is_stub, s.usb_mode);
}

// Every ROM except ESP8266's and ESP32's expects the 5th `encrypted` word (chips.md §2).
bool rom_wants_encrypted_word(const engine::Session& s) {
  if (s.is_stub || s.chip == nullptr) return false;
  const std::string key = s.chip->key;
  return key != "esp8266" && key != "esp32";
}

// ESP8266 ROM erases too much; esptool sends a smaller size so the ROM erases what is needed
// (targets/esp8266.py get_erase_size).
uint32_t esp8266_rom_erase_size(uint32_t offset, uint32_t size) {
  const uint32_t sectors = (size + 4095) / 4096;
  uint32_t head = 16 - (offset / 4096) % 16;
  if (sectors < head) head = sectors;
  return sectors < 2 * head ? (sectors + 1) / 2 * 4096 : (sectors - head) * 4096;
}

Task<Result<RegionWriteStats>> write_plain(Link& link, uint32_t offset, std::span<const uint8_t> data) {
  engine::Session& s = link.session();
  const uint32_t block = flash_block(s);
  const uint32_t size = uint32_t(data.size());
  const uint32_t blocks = (size + block - 1) / block;
  uint32_t erase_size = size;
  if (!s.is_stub && s.chip && s.chip->is_esp8266) erase_size = esp8266_rom_erase_size(offset, size);
  proto::BeginCommand begin{proto::Opcode::kFlashBegin, erase_size, blocks, block, offset,
                            rom_wants_encrypted_word(s)};
  const engine::Millis begin_timeout =
      s.is_stub ? proto::kDefaultTimeoutMs : proto::timeout_per_mb(proto::kEraseRegionTimeoutPerMbMs, size);
  Result<Bytes> b = co_await link.call(begin, begin_timeout);
  if (!b.ok()) co_return b.error();
  Bytes padded(block);
  for (uint32_t seq = 0; seq < blocks; ++seq) {
    const size_t from = size_t(seq) * block;
    const size_t len = std::min<size_t>(block, size - from);
    std::copy(data.begin() + from, data.begin() + from + len, padded.begin());
    std::fill(padded.begin() + len, padded.end(), 0xFF);
    Status sent = co_await send_data_block(link, proto::Opcode::kFlashData, seq, padded,
                                           proto::kDefaultTimeoutMs, "Writing", offset + uint32_t(from));
    if (!sent.ok()) co_return sent.error();
    link.progress("write", from + len, size, offset);
  }
  co_return RegionWriteStats{size, 0};
}

// esptool's compressed write (cmds.py write_flash@v4.8.1): the region is compressed first, with a
// stronger encoder than esptool's zlib -9 (util/strong_deflate.h), so the exact block count is
// announced, and each block goes out when the loader has answered the one before.
Task<Result<RegionWriteStats>> write_compressed(Link& link, uint32_t offset, std::span<const uint8_t> data) {
  engine::Session& s = link.session();
  const uint32_t block = flash_block(s);
  const uint32_t size = uint32_t(data.size());
  // The host's compression thread is still on this region: its stream is on the way, no later
  // than this thread would make it (a late or failed one ends the wait: provide_deflated).
  if (const std::optional<size_t> index = host_deflate_index(s, data)) {
    for (engine::Millis waited = 0; waited < kHostDeflateWaitMs && awaiting_host_deflate(s, *index);
         waited += kHostDeflatePollMs) {
      co_await link.sleep(kHostDeflatePollMs);
    }
  }
  const Bytes z = deflate_for_write(s, data);  // made during connect when it could be
  link.log(strprintf("Compressed %u bytes to %zu...", size, z.size()));
  const uint32_t blocks = uint32_t((z.size() + block - 1) / block);
  const uint32_t write_size = s.is_stub ? size : (size + block - 1) / block * block;
  proto::BeginCommand begin{proto::Opcode::kFlashDeflBegin, write_size, blocks, block, offset,
                            rom_wants_encrypted_word(s)};
  const engine::Millis begin_timeout =
      s.is_stub ? proto::kDefaultTimeoutMs
                : proto::timeout_per_mb(proto::kEraseRegionTimeoutPerMbMs, write_size);
  Result<Bytes> b = co_await link.call(begin, begin_timeout);
  if (!b.ok()) co_return b.error();

  // The uncompressed bytes behind the first `sent` compressed ones, in proportion, for progress and
  // timeouts: esptool counts them by inflating what it sent, which needs an inflater the device
  // module does without.
  const auto behind = [&](uint64_t sent) { return sent * size / z.size(); };
  // The stub ACKs before writing, so a block's reply waits for the previous block's write.
  engine::Millis previous_timeout = proto::kDefaultTimeoutMs;
  for (uint32_t seq = 0; seq < blocks; ++seq) {
    const uint64_t from = uint64_t(seq) * block;
    const uint64_t to = std::min<uint64_t>(from + block, z.size());
    const engine::Millis this_timeout = proto::timeout_per_mb(
        proto::kEraseWriteTimeoutPerMbMs, std::max<uint64_t>(behind(to) - behind(from), block));
    const engine::Millis timeout = s.is_stub ? previous_timeout : this_timeout;
    previous_timeout = this_timeout;
    const std::span<const uint8_t> chunk(z.data() + from, to - from);  // the last block is not padded
    Status st = co_await send_data_block(link, proto::Opcode::kFlashDeflData, seq, chunk, timeout, "Writing", offset);
    if (!st.ok()) co_return st.error();
    link.progress("write", behind(to), size, offset);
  }
  if (s.is_stub) {
    // Wait until the stub has written the last block (it ACKed before writing).
    Result<uint32_t> settled = co_await link.read_reg(kChipDetectMagicRegAddr, previous_timeout);
    if (!settled.ok()) co_return settled.error();
  }
  co_return RegionWriteStats{z.size(), 0};
}

}  // namespace

Task<Result<RegionWriteStats>> write_region(Link& link, uint32_t offset, std::span<const uint8_t> data,
                                            bool compress) {
  const engine::Millis start = link.now();
  // No co_await inside ?: -- g++ 12 destroys the conditional's temporaries twice.
  std::optional<Result<RegionWriteStats>> r;
  if (compress) {
    r.emplace(co_await write_compressed(link, offset, data));
  } else {
    r.emplace(co_await write_plain(link, offset, data));
  }
  if (!r->ok()) co_return r->error();
  RegionWriteStats stats = r->value();
  stats.elapsed_ms = link.now() - start;
  co_return stats;
}

}  // namespace esptool::ops
