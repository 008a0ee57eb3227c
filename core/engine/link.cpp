#include "core/engine/link.h"

#include <algorithm>

#include "core/proto/commands.h"
#include "core/proto/slip.h"
#include "core/proto/timeouts.h"

namespace esptool::engine {
namespace {
constexpr int kMaxFramesPerReply = 100;  // loader.py command(): reads up to 100 responses
// esptool master loader.py command(): "Unsupported command response is sent 8 times".
constexpr int kRefusalCopies = 8;

// util.py UnsupportedCommandError: the message (0x%x, as esptool prints it), plus in Secure
// Download Mode what the user can still do (esptool docs: basic-commands.rst "Commands Supported
// in Secure Download Mode", troubleshooting.rst "Secure Download Mode Limitations").
Error unsupported_command(proto::Opcode op, bool secure_download_mode) {
  if (!secure_download_mode) {
    return make_error(Errc::kUnsupportedCommand,
                      strprintf("Invalid (unsupported) command 0x%x", unsigned(op)));
  }
  return make_error(
      Errc::kUnsupportedCommand,
      strprintf("This command (0x%x) is not supported in Secure Download Mode", unsigned(op)),
      "The chip is in Secure Download Mode, set by an eFuse that cannot be undone: its ROM only "
      "writes flash (write_flash, sent uncompressed and not read back, with --flash_size given "
      "as it cannot be detected), runs the app (run) and reports get_security_info; reading "
      "flash, registers or the MAC, erasing and the flasher stub are refused.");
}
}

void Link::log(const char* text) { engine_.emit(Log{text}); }

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
    if (in.kind == Input::Kind::kLost) co_return lost_error(in);
    if (in.kind == Input::Kind::kInterrupted) co_return interrupted();
    if (in.kind == Input::Kind::kTimeout) {
      const size_t partial = session_.slip.partial_size();
      if (session_.slip.in_frame() && partial > 0) {
        co_return make_error(Errc::kTimeout,
                             strprintf("Packet content transfer stopped (received %zu bytes)", partial));
      }
      if (!session_.framing_error.empty()) co_return make_error(Errc::kBadFrame, session_.framing_error);
      co_return make_error(Errc::kTimeout, strprintf("No serial data received within %s ms",
                                                     fixed_point(timeout_ms, 0).c_str()));
    }
    append(session_.rx, in.data);
  }
}

ActionAwaiter Link::sleep(Millis duration) {
  const Millis until = now() + duration;
  if (session_.idle_job != nullptr) session_.idle_job(session_);
  return {engine_, Sleep{duration, until}};
}

Task<Status> Link::await_boot_text(std::string_view text, Millis timeout_ms) {
  const Millis deadline = now() + timeout_ms;
  while (!take_buffered_frame() && session_.boot_text.find(text) == std::string::npos) {
    Input in = co_await read_some(deadline);
    if (in.kind == Input::Kind::kLost) co_return lost_error(in);
    if (in.kind == Input::Kind::kInterrupted) co_return interrupted();
    if (in.kind == Input::Kind::kTimeout) break;
    append(session_.rx, in.data);
  }
  co_return Status::Ok();
}

Task<Status> Link::send_packet(Bytes packet) {
  Bytes wire = proto::slip_encode(packet);
  Input in = co_await write(std::move(wire));
  if (in.kind == Input::Kind::kLost) co_return lost_error(in);
  co_return Status::Ok();
}

Error Link::lost_error(const Input& in) {
  return make_error(Errc::kPortLost, "Serial port lost: " + in.reason,
                    "Check the cable and the port, then run the command again.");
}

Error Link::interrupted() {
  // Whatever was half received came from the connection that went. The line state stays as
  // last written: the reset sequences that follow start from it, as they did before the loss
  // (resetting it to the port's opening state left the virtual ESP32-S3 on USB-JTAG-Serial
  // without a reset at the hard reset after its re-enumeration: tests/browser/reacquire).
  session_.rx.clear();
  session_.slip.reset();
  session_.log_line.clear();
  return make_error(Errc::kPortInterrupted,
                    "Serial port went away mid-command (unplugged, or the board re-enumerated)",
                    "Check the cable; a board plugged back in soon enough is connected again.");
}

Task<Result<proto::Reply>> Link::command(proto::Opcode op, Bytes packet, Millis timeout_ms) {
  Status sent = co_await send_packet(std::move(packet));
  if (!sent.ok()) co_return sent.error();
  Result<proto::Reply> reply = co_await await_reply(op, timeout_ms);
  co_return reply;
}

Task<Result<proto::Reply>> Link::await_reply(proto::Opcode op, Millis timeout_ms) {
  bool skipped = false;  // frames arrived, none of them our reply
  for (int i = 0; i < kMaxFramesPerReply; ++i) {
    Result<Bytes> frame = co_await read_frame(timeout_ms);
    if (!frame.ok()) {
      Error e = frame.error();
      // A port that went (or was cancelled) says so alone, whichever wait it broke: the user
      // reads the same line whether the loss came while writing or while awaiting a reply.
      if (e.code == Errc::kPortLost || e.code == Errc::kPortInterrupted || e.code == Errc::kCancelled) {
        co_return e;
      }
      if (skipped && e.detail.rfind("No serial data received", 0) == 0) {
        e.detail = "Serial data stream stopped: Possible serial noise or corruption.";  // slip_reader
      }
      e.detail = strprintf("No reply to %s: %s", proto::opcode_name(op), e.detail.c_str());
      co_return e;
    }
    skipped = true;
    std::optional<proto::Reply> reply = proto::decode_reply(frame.value());
    if (!reply) continue;
    if (reply->op == op) {
      session_.stale_refusals = 0;  // any copies of an earlier refusal came before this reply
      co_return std::move(*reply);
    }
    // loader.py command(): a reply to another opcode whose status is "invalid message" (0x05)
    // is how ROMs refuse a command they do not implement (or, in Secure Download Mode, do not
    // allow). The refusal comes kRefusalCopies times; the copies belong to this command.
    if (reply->data.size() >= 2 && reply->data[0] != 0 && reply->data[1] == 0x05) {
      if (session_.stale_refusals > 0) {
        --session_.stale_refusals;
        continue;
      }
      session_.stale_refusals = kRefusalCopies - 1;
      co_return unsupported_command(op, session_.secure_download_mode);
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

Task<Result<Bytes>> Link::await_checked_reply(proto::Opcode op, Millis timeout_ms) {
  Result<proto::Reply> reply = co_await await_reply(op, timeout_ms);
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
    Bytes status_only = copy_bytes(std::span<const uint8_t>(data).first(n));
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
