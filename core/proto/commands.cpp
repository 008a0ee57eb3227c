#include "core/proto/commands.h"

namespace esptool::proto {
namespace {
Bytes words(Opcode op, std::initializer_list<uint32_t> values) {
  Bytes data;
  for (uint32_t v : values) append_le32(data, v);
  return encode_request(op, data);
}
}  // namespace

Bytes Sync::encode() const {
  // serial-protocol.md §4: 07 07 12 20 followed by 32 x 0x55 (the ROM autobauds on the 0x55s).
  Bytes data = {0x07, 0x07, 0x12, 0x20};
  data.resize(36, 0x55);
  return encode_request(kOp, data);
}

Bytes ReadReg::encode() const { return words(kOp, {address}); }
Bytes WriteReg::encode() const { return words(kOp, {address, value, mask, delay_us}); }

Bytes BeginCommand::encode() const {
  if (with_encrypted_word) return words(op, {size, blocks, block_size, offset, encrypted ? 1u : 0u});
  return words(op, {size, blocks, block_size, offset});
}

Bytes EndCommand::encode() const { return words(op, {flag}); }
Bytes MemEnd::encode() const { return words(kOp, {entry == 0 ? 1u : 0u, entry}); }

Bytes SpiAttach::encode() const {
  Bytes data;
  append_le32(data, hspi_arg);
  if (rom_layout) append_le32(data, 0);
  return encode_request(kOp, data);
}

Bytes SpiSetParams::encode() const {
  return words(kOp, {0, total_size, 0x10000, 0x1000, 0x100, 0xFFFF});
}

Bytes ChangeBaudrate::encode() const { return words(kOp, {new_baud, old_baud}); }
Bytes SpiFlashMd5::encode() const { return words(kOp, {offset, size, 0, 0}); }
Bytes EraseRegion::encode() const { return words(kOp, {offset, size}); }
Bytes ReadFlash::encode() const { return words(kOp, {offset, length, packet_size, max_inflight}); }
Bytes ReadFlashSlow::encode() const { return words(kOp, {offset, length}); }
Bytes encode_empty(Opcode op) { return encode_request(op, {}); }

}  // namespace esptool::proto
