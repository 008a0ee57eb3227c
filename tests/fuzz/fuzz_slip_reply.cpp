// libFuzzer target: bytes from a device are untrusted. Any byte stream through the SLIP decoder
// (frame caps, bad escapes), each frame as a reply (decode_reply) checked both as a ROM's (4
// status bytes) and a stub's (2), and as a GET_SECURITY_INFO payload.
#include <cstddef>
#include <cstdint>

#include "core/chips/security.h"
#include "core/proto/packet.h"
#include "core/proto/slip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace esptool::proto;
  SlipDecoder decoder(4096);  // a small cap, so oversize frames are reached too
  for (size_t i = 0; i < size; ++i) {
    std::optional<SlipEvent> event = decoder.push(data[i]);
    const SlipFrame* complete = event ? std::get_if<SlipFrame>(&*event) : nullptr;
    if (!complete) continue;
    const esptool::Bytes& frame = complete->payload;
    if (std::optional<Reply> reply = decode_reply(frame)) {
      (void)check_reply(*reply, Responder::kRom, 4);
      (void)check_reply(*reply, Responder::kStub, 2);
    }
    (void)esptool::chips::parse_security_info(frame);
  }
  return 0;
}
