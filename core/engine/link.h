// Link: what an operation coroutine sees of the world. Raw actions (write, read, signals, baud,
// sleep) as awaiters, and the framed layer on top: read one SLIP frame, send a command and wait
// for the reply with the same opcode, check its status the way the current responder encodes it.
// Bytes that are not frames become Log events (boot banner, stub greeting), never flushed.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/base/result.h"
#include "core/engine/engine.h"
#include "core/engine/session.h"
#include "core/engine/task.h"
#include "core/proto/packet.h"

namespace esptool::engine {

struct ActionAwaiter {
  Engine& engine;
  Action action;
  bool await_ready() const noexcept { return false; }
  void await_suspend(coro::coroutine_handle<> waiter) { engine.park(std::move(action), waiter); }
  Input await_resume() { return engine.take_input(); }
};

class Link {
 public:
  Link(Engine& engine, Session& session) : engine_(engine), session_(session) {}

  Session& session() { return session_; }
  Report& report() { return engine_.report(); }
  Millis now() const { return engine_.now(); }

  ActionAwaiter write(Bytes bytes) { return {engine_, Write{std::move(bytes)}}; }
  ActionAwaiter read_some(Millis deadline) { return {engine_, Read{deadline}}; }
  ActionAwaiter set_signals(bool dtr, bool rts) { return {engine_, SetSignals{dtr, rts}}; }
  ActionAwaiter set_baud(uint32_t baud) { return {engine_, SetBaud{baud}}; }
  // Runs the session's idle job, if one is set, then sleeps until now() + duration.
  ActionAwaiter sleep(Millis duration);
  ActionAwaiter load_stub(std::string file) { return {engine_, LoadStub{std::move(file)}}; }

  // The next SLIP frame's payload, or Errc::kTimeout after `timeout_ms` without one.
  Task<Result<Bytes>> read_frame(Millis timeout_ms);
  // Reads until the boot log (Session::boot_text) holds `text`, a frame arrives (dropped:
  // esptool flushes the input before a SYNC) or `timeout_ms` passes; only a lost port fails.
  Task<Status> await_boot_text(std::string_view text, Millis timeout_ms);
  // SLIP-encodes and writes an already encoded packet.
  Task<Status> send_packet(Bytes packet);
  // Sends `packet` for `op` and returns the first reply carrying `op` (other frames skipped,
  // as esptool does for up to 100 frames).
  Task<Result<proto::Reply>> command(proto::Opcode op, Bytes packet, Millis timeout_ms);
  // command()'s wait alone, for a packet already sent with send_packet(): a caller can work
  // (compress the next block) while its packet is on the wire.
  Task<Result<proto::Reply>> await_reply(proto::Opcode op, Millis timeout_ms);
  // await_reply() + the status check call() does.
  Task<Result<Bytes>> await_checked_reply(proto::Opcode op, Millis timeout_ms);
  // command() + status check for the current responder; returns the payload before the status.
  Task<Result<Bytes>> call(proto::Opcode op, Bytes data, Millis timeout_ms);
  // The same for a typed command from core/proto/commands.h.
  template <typename Command>
  Task<Result<Bytes>> call(const Command& cmd, Millis timeout_ms) {
    return call_packet(cmd.encode(), timeout_ms);
  }
  // An already encoded request; the opcode is read from the packet.
  Task<Result<Bytes>> call_packet(Bytes packet, Millis timeout_ms);
  // READ_REG: the value travels in the reply header, not the payload.
  Task<Result<uint32_t>> read_reg(uint32_t address, Millis timeout_ms = 3000);
  Task<Status> write_reg(uint32_t address, uint32_t value, uint32_t mask = 0xFFFFFFFF,
                         uint32_t delay_us = 0);

  void progress(std::string stage, uint64_t done, uint64_t total, uint32_t offset = 0) {
    engine_.emit(Progress{std::move(stage), done, total, offset});
  }
  void log(std::string text) { engine_.emit(Log{std::move(text)}); }
  // For fixed texts: the string is made here, not at each of the many call sites (issue 10).
  void log(const char* text);

 private:
  // The errors for a port gone for good (Errc::kPortLost, with the driver's reason) and for one
  // that went away and is looked for again (Errc::kPortInterrupted; the receive state resets).
  static Error lost_error(const Input& in);
  Error interrupted();
  // Runs buffered bytes through the SLIP decoder; returns a frame when one completes.
  std::optional<Bytes> take_buffered_frame();
  void collect_stray(uint8_t byte);

  Engine& engine_;
  Session& session_;
};

}  // namespace esptool::engine
