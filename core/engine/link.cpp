#include "core/engine/link.h"

#include <algorithm>

#include "core/proto/commands.h"
#include "core/proto/slip.h"
#include "core/proto/timeouts.h"

namespace esptool::engine {
namespace {
constexpr int kMaxFramesPerReply = 100;  // loader.py command(): reads up to 100 responses
}

void Link::collect_stray(uint8_t byte) {
  if (session_.boot_text.size() < 4096) session_.boot_text.push_back(char(byte));
  std::string& line = session_.log_line;
  if (byte == '\n') {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    engine_.emit(Log{std::move(line), true});
    line.clear();
  } else {
    line.push_back(char(byte));
    if (line.size() > 1024) {  // noise without newlines: do not grow without bound
      engine_.emit(Log{std::move(line), true});
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
    } else if (auto* b = std::get_if<proto::SlipBadEscape>(&*event)) {
      session_.framing_error = strprintf("Invalid SLIP escape (0xdb, 0x%02x)", b->byte);
    } else if (std::holds_alternative<proto::SlipOversize>(*event)) {
      session_.framing_error = strprintf(
          "SLIP frame longer than %zu bytes: Possible serial noise or corruption.", proto::kSlipMaxPayload);
    }
    // A bad escape or an oversize frame discards the frame; the command's retry or timeout
    // handles the loss, and a timeout names the framing problem (esptool stops at once).
  }
  rx.erase(rx.begin(), rx.begin() + used);
  return frame;
}

Task<Result<Bytes>> Link::read_frame(Millis timeout_ms) {
  const Millis deadline = now() + timeout_ms;
  session_.framing_error.clear();
  while (true) {
    if (auto frame = take_buffered_frame()) co_return std::move(*frame);
    Input in = co_await read_some(deadline);
    if (in.kind == Input::Kind::kTimeout) {
      const size_t partial = session_.slip.partial_size();
      if (session_.slip.in_frame() && partial > 0) {
        co_return make_error(Errc::kTimeout,
                             strprintf("Packet content transfer stopped (received %zu bytes)", partial));
      }
      if (!session_.framing_error.empty()) co_return make_error(Errc::kBadFrame, session_.framing_error);
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
  bool skipped = false;  // frames arrived, none of them our reply
  for (int i = 0; i < kMaxFramesPerReply; ++i) {
    Result<Bytes> frame = co_await read_frame(timeout_ms);
    if (!frame.ok()) {
      Error e = frame.error();
      if (skipped && e.detail.rfind("No serial data received", 0) == 0) {
        e.detail = "Serial data stream stopped: Possible serial noise or corruption.";  // slip_reader
      }
      e.detail = strprintf("No reply to %s: %s", proto::opcode_name(op), e.detail.c_str());
      co_return e;
    }
    skipped = true;
    std::optional<proto::Reply> reply = proto::decode_reply(frame.value());
    if (!reply) continue;
    if (reply->op == op) co_return std::move(*reply);
    // loader.py command(): a reply to another opcode whose status is "invalid message" (0x05)
    // is how ROMs refuse a command they do not implement.
    if (reply->data.size() >= 2 && reply->data[0] != 0 && reply->data[1] == 0x05) {
      co_return make_error(Errc::kUnsupportedCommand,
                           strprintf("Invalid (unsupported) command 0x%02x", unsigned(op)));
    }
  }
  co_return make_error(Errc::kUnexpectedReply,
                       strprintf("No %s reply among %d frames", proto::opcode_name(op), kMaxFramesPerReply));
}

Task<Result<Bytes>> Link::call(proto::Opcode op, Bytes data, Millis timeout_ms) {
  return call_packet(proto::encode_request(op, data), timeout_ms);
}

Task<Result<Bytes>> Link::call_packet(Bytes packet, Millis timeout_ms) {
  const proto::Opcode op = proto::Opcode(packet.at(1));
  Result<proto::Reply> reply = co_await command(op, std::move(packet), timeout_ms);
  if (!reply.ok()) co_return reply.error();
  co_return proto::check_reply(reply.value(), session_.responder(), session_.status_len());
}

Task<Result<uint32_t>> Link::read_reg(uint32_t address, Millis timeout_ms) {
  proto::ReadReg cmd{address};
  Result<proto::Reply> reply = co_await command(proto::Opcode::kReadReg, cmd.encode(), timeout_ms);
  if (!reply.ok()) co_return reply.error();
  // loader.py read_reg bypasses check_command and only tests the first data byte, which is the
  // first status byte in every layout (READ_REG has no payload).
  const Bytes& data = reply.value().data;
  if (data.empty() || data[0] != 0) {
    const size_t n = std::min<size_t>(data.size(), session_.status_len());
    Bytes status_only(data.begin(), data.begin() + n);
    status_only.resize(std::max<size_t>(n, 2), 0);
    if (status_only[0] == 0) status_only[0] = 1;  // an empty reply is a failure too
    proto::Reply as_status{reply.value().op, 0, status_only};
    Result<Bytes> err = proto::check_reply(as_status, session_.responder(), status_only.size());
    co_return err.error();
  }
  co_return reply.value().value;
}

Task<Status> Link::write_reg(uint32_t address, uint32_t value, uint32_t mask, uint32_t delay_us) {
  proto::WriteReg cmd{address, value, mask, delay_us};
  Result<Bytes> r = co_await call(cmd, proto::kDefaultTimeoutMs);
  if (!r.ok()) co_return r.error();
  co_return Status::Ok();
}

}  // namespace esptool::engine
