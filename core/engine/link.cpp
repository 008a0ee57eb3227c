#include "core/engine/link.h"

#include "core/proto/slip.h"

namespace esptool::engine {
namespace {
constexpr int kMaxFramesPerReply = 100;  // loader.py command(): reads up to 100 responses
}

void Link::collect_stray(uint8_t byte) {
  std::string& line = session_.log_line;
  if (byte == '\n') {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    log(std::move(line));
    line.clear();
  } else {
    line.push_back(char(byte));
    if (line.size() > 1024) {  // noise without newlines: do not grow without bound
      log(std::move(line));
      line.clear();
    }
  }
}

std::optional<Bytes> Link::take_buffered_frame() {
  Bytes& rx = session_.rx;
  size_t used = 0;
  std::optional<Bytes> frame;
  while (used < rx.size() && !frame) {
    auto event = session_.slip.push(rx[used++]);
    if (!event) continue;
    if (auto* f = std::get_if<proto::SlipFrame>(&*event)) {
      frame = std::move(f->payload);
    } else if (auto* s = std::get_if<proto::SlipStray>(&*event)) {
      collect_stray(s->byte);
    }
    // A bad escape discards the frame; the command's retry or timeout handles the loss.
  }
  rx.erase(rx.begin(), rx.begin() + used);
  return frame;
}

Task<Result<Bytes>> Link::read_frame(Millis timeout_ms) {
  const Millis deadline = now() + timeout_ms;
  while (true) {
    if (auto frame = take_buffered_frame()) co_return std::move(*frame);
    Input in = co_await read_some(deadline);
    if (in.kind == Input::Kind::kTimeout) {
      const size_t partial = session_.slip.partial_size();
      if (session_.slip.in_frame() && partial > 0) {
        co_return make_error(Errc::kTimeout,
                             strprintf("Packet content transfer stopped (received %zu bytes)", partial));
      }
      co_return make_error(Errc::kTimeout, strprintf("No serial data received within %.0f ms", timeout_ms));
    }
    append(session_.rx, in.data);
  }
}

Task<Status> Link::send_packet(Bytes packet) {
  Bytes wire = proto::slip_encode(packet);
  co_await write(std::move(wire));
  co_return Status::Ok();
}

Task<Result<proto::Reply>> Link::command(proto::Opcode op, Bytes packet, Millis timeout_ms) {
  Status sent = co_await send_packet(std::move(packet));
  if (!sent.ok()) co_return sent.error();
  for (int i = 0; i < kMaxFramesPerReply; ++i) {
    Result<Bytes> frame = co_await read_frame(timeout_ms);
    if (!frame.ok()) {
      Error e = frame.error();
      e.detail = strprintf("No reply to %s: %s", proto::opcode_name(op), e.detail.c_str());
      co_return e;
    }
    std::optional<proto::Reply> reply = proto::decode_reply(frame.value());
    if (reply && reply->op == op) co_return std::move(*reply);
  }
  co_return make_error(Errc::kUnexpectedReply,
                       strprintf("No %s reply among %d frames", proto::opcode_name(op), kMaxFramesPerReply));
}

Task<Result<Bytes>> Link::call(proto::Opcode op, Bytes data, Millis timeout_ms) {
  Bytes packet = proto::encode_request(op, data);
  Result<proto::Reply> reply = co_await command(op, std::move(packet), timeout_ms);
  if (!reply.ok()) co_return reply.error();
  co_return proto::check_reply(reply.value(), session_.responder(), session_.status_len());
}

}  // namespace esptool::engine
