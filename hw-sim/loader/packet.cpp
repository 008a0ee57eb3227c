// Loader packet header parsing and reply building.
#include "hw-sim/loader/packet.h"

namespace hwsim {

std::optional<Request> parse_request(std::span<const uint8_t> frame) {
  if (frame.size() < 8 || frame[0] != 0x00) return std::nullopt;
  Request request;
  request.op = frame[1];
  request.size = le16(frame, 2);
  request.checksum = le32(frame, 4);
  request.data = frame.subspan(8);
  return request;
}

uint8_t data_checksum(std::span<const uint8_t> payload) {
  uint8_t state = 0xEF;
  for (uint8_t b : payload) state ^= b;
  return state;
}

Bytes build_reply(uint8_t op, uint32_t value, std::span<const uint8_t> payload,
                  std::span<const uint8_t> status) {
  Bytes out;
  out.reserve(8 + payload.size() + status.size());
  out.push_back(0x01);
  out.push_back(op);
  put_le16(out, static_cast<uint16_t>(payload.size() + status.size()));
  put_le32(out, value);
  out.insert(out.end(), payload.begin(), payload.end());
  out.insert(out.end(), status.begin(), status.end());
  return out;
}

}  // namespace hwsim
