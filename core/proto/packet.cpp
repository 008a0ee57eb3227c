#include "core/proto/packet.h"

namespace esptool::proto {
namespace {

struct DeviceError {
  uint16_t code;
  const char* name;
  const char* text;
};

// serial-protocol.md §5: ROM error bytes (0x0100 | byte) and legacy stub codes (byte << 8).
constexpr DeviceError kDeviceErrors[] = {
    {0x0100, "rom.undefined", "undefined error"},
    {0x0101, "rom.invalid_parameter", "input parameter invalid"},
    {0x0102, "rom.malloc_failed", "malloc failed"},
    {0x0103, "rom.send_failed", "failed to send message"},
    {0x0104, "rom.receive_failed", "failed to receive message"},
    {0x0105, "rom.invalid_message", "received message is invalid (parameters or length)"},
    {0x0106, "rom.failed_to_act", "failed to act on received message"},
    {0x0107, "rom.checksum_error", "checksum error"},
    {0x0108, "rom.flash_write_error", "flash write error"},
    {0x0109, "rom.flash_read_error", "flash read error"},
    {0x010A, "rom.flash_read_length_error", "flash read length error"},
    {0x010B, "rom.deflate_error", "deflate error"},
    {0x010C, "rom.deflate_adler32_error", "deflate Adler-32 error"},
    {0x010D, "rom.deflate_param_error", "deflate parameter error"},
    {0x010E, "rom.invalid_ram_size", "invalid RAM binary size"},
    {0x010F, "rom.invalid_ram_address", "invalid RAM binary address"},
    {0x0164, "rom.invalid_parameter", "invalid parameter"},
    {0x0165, "rom.invalid_format", "invalid format"},
    {0x0166, "rom.description_too_long", "description too long"},
    {0x0167, "rom.bad_encoding", "bad encoding description"},
    {0x0169, "rom.insufficient_storage", "insufficient storage"},
    {0xC000, "stub.bad_data_len", "Bad data length"},
    {0xC100, "stub.bad_data_checksum", "Bad data checksum"},
    {0xC200, "stub.bad_blocksize", "Bad blocksize"},
    {0xC300, "stub.invalid_command", "Invalid command"},
    {0xC400, "stub.failed_spi_op", "Failed SPI operation"},
    {0xC500, "stub.failed_spi_unlock", "Failed SPI unlock"},
    {0xC600, "stub.not_in_flash_mode", "Not in flash mode"},
    {0xC700, "stub.inflate_error", "Inflate error"},
    {0xC800, "stub.not_enough_data", "Not enough data"},
    {0xC900, "stub.too_much_data", "Too much data"},
    {0xCA00, "stub.nand_program_failed", "NAND program failed"},
    {0xCB00, "stub.nand_erase_failed", "NAND erase failed"},
    {0xFF00, "stub.not_implemented", "Command not implemented"},
};

const DeviceError* find_device_error(uint16_t code) {
  for (const DeviceError& e : kDeviceErrors)
    if (e.code == code) return &e;
  return nullptr;
}

}  // namespace

uint8_t payload_checksum(std::span<const uint8_t> payload) {
  uint8_t sum = kChecksumSeed;
  for (uint8_t b : payload) sum ^= b;
  return sum;
}

Bytes encode_request(Opcode op, std::span<const uint8_t> data, uint32_t checksum) {
  ESPT_CHECK(data.size() <= 0xFFFF, "request data does not fit the 16-bit size field");
  Bytes out;
  out.reserve(8 + data.size());
  out.push_back(0x00);
  out.push_back(uint8_t(op));
  append_le16(out, uint16_t(data.size()));
  append_le32(out, checksum);
  append(out, data);
  return out;
}

Bytes encode_data_command(Opcode op, uint32_t seq, std::span<const uint8_t> payload) {
  Bytes data;
  data.reserve(16 + payload.size());
  append_le32(data, uint32_t(payload.size()));
  append_le32(data, seq);
  append_le32(data, 0);
  append_le32(data, 0);
  append(data, payload);
  return encode_request(op, data, payload_checksum(payload));
}

std::optional<Reply> decode_reply(std::span<const uint8_t> frame) {
  if (frame.size() < 8 || frame[0] != 0x01) return std::nullopt;
  // The size field is unreliable (legacy stub under-reports it); the frame length is the truth.
  return Reply{Opcode(frame[1]), read_le32(frame.data() + 4),
               copy_bytes(std::span<const uint8_t>(frame).subspan(8))};
}

Result<Bytes> check_reply(const Reply& reply, Responder who, size_t status_len) {
  if (reply.data.size() < status_len) {
    return make_error(Errc::kBadFrame,
                      strprintf("%s reply has %zu data bytes, fewer than its %zu status bytes",
                                opcode_name(reply.op), reply.data.size(), status_len));
  }
  const size_t payload_len = reply.data.size() - status_len;
  const uint8_t* status = reply.data.data() + payload_len;
  if (status[0] != 0) {
    if (who == Responder::kRom) {
      const uint16_t code = uint16_t(0x0100 | status[1]);
      return make_device_error(code, device_error_name(code),
                               strprintf("%s failed: ROM error 0x%04x (%s)", opcode_name(reply.op),
                                         code, device_error_text(code)));
    }
    // Legacy stub handlers combined with `||` collapse every failure to 1 (spec §5), which
    // esptool numbers 0x0100 like a ROM code; the name keeps them apart.
    const uint16_t code = uint16_t(status[0] << 8);
    const bool generic = status[0] == 0x01;
    return make_device_error(code, generic ? "stub.failed" : device_error_name(code),
                             strprintf("%s failed: stub error 0x%04x (%s)", opcode_name(reply.op),
                                       code, generic ? "command failed" : device_error_text(code)));
  }
  return copy_bytes(std::span<const uint8_t>(reply.data).first(payload_len));
}

const char* device_error_text(uint16_t code) {
  const DeviceError* e = find_device_error(code);
  return e ? e->text : "unknown error";
}

std::string device_error_name(uint16_t code) {
  const DeviceError* e = find_device_error(code);
  if (e) return e->name;
  return strprintf("%s.0x%04x", (code & 0xFF00) == 0x0100 ? "rom" : "stub", code);
}

}  // namespace esptool::proto
