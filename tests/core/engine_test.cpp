// The engine's contract: one action at a time, inputs resume the operation, stray bytes become
// log lines, replies are matched by opcode, timeouts are errors. Driven by hand, no device.
#include "core/engine/engine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/engine/link.h"
#include "core/proto/packet.h"
#include "core/proto/slip.h"

namespace {

using esptool::Bytes;
using esptool::Result;
using esptool::Status;
using esptool::engine::Engine;
using esptool::engine::Link;
using esptool::engine::Session;
using esptool::engine::Task;
using esptool::proto::Opcode;

Task<Status> read_magic(Link& link) {
  Bytes addr;
  esptool::append_le32(addr, 0x40001000);
  Result<esptool::proto::Reply> reply =
      co_await link.command(Opcode::kReadReg, esptool::proto::encode_request(Opcode::kReadReg, addr), 3000);
  if (!reply.ok()) co_return reply.error();
  link.report().facts.set_number("magic", reply.value().value);
  co_return Status::Ok();
}

Bytes rom_reply(Opcode op, uint32_t value) {
  Bytes frame = {0x01, uint8_t(op), 4, 0};
  esptool::append_le32(frame, value);
  esptool::append_le32(frame, 0);
  return esptool::proto::slip_encode(frame);
}

TEST(Engine, CommandWritesThenReadsAndMatchesTheReplyByOpcode) {
  Session session;
  Engine engine;
  engine.start(read_magic, session, 0);
  auto action = engine.poll_action();
  ASSERT_TRUE(action && std::holds_alternative<esptool::engine::Write>(*action));
  EXPECT_FALSE(engine.poll_action().has_value());  // the same action is handed out once
  engine.complete(1);
  action = engine.poll_action();
  ASSERT_TRUE(action && std::holds_alternative<esptool::engine::Read>(*action));
  EXPECT_DOUBLE_EQ(std::get<esptool::engine::Read>(*action).deadline, 3001);

  // Boot text, a reply to another opcode, then ours split across two chunks.
  Bytes wire = {'w', 'a', 'i', 't', 'i', 'n', 'g', '\r', '\n'};
  esptool::append(wire, rom_reply(Opcode::kSync, 0x1234));
  const Bytes ours = rom_reply(Opcode::kReadReg, 0x00F01D83);
  wire.insert(wire.end(), ours.begin(), ours.begin() + 5);
  engine.feed(wire, 2);
  ASSERT_FALSE(engine.finished());
  ASSERT_TRUE(engine.poll_action().has_value());
  engine.feed(Bytes(ours.begin() + 5, ours.end()), 3);

  ASSERT_TRUE(engine.finished());
  EXPECT_TRUE(engine.status().ok());
  EXPECT_EQ(engine.report().facts.number("magic"), 0x00F01D83);
  auto event = engine.poll_event();
  ASSERT_TRUE(event.has_value());
  EXPECT_EQ(std::get<esptool::engine::Log>(*event).text, "waiting");
}

TEST(Engine, SilenceUntilTheDeadlineIsATimeoutError) {
  Session session;
  Engine engine;
  engine.start(read_magic, session, 0);
  (void)engine.poll_action();
  engine.complete(0);
  (void)engine.poll_action();
  engine.timeout(3000);
  ASSERT_TRUE(engine.finished());
  ASSERT_FALSE(engine.status().ok());
  EXPECT_EQ(engine.status().error().name(), "timeout");
  EXPECT_NE(engine.status().error().message().find("READ_REG"), std::string::npos);
}

TEST(Engine, LeftoverBytesStayInTheSessionForTheNextOperation) {
  Session session;
  {
    Engine engine;
    engine.start(read_magic, session, 0);
    (void)engine.poll_action();
    engine.complete(0);
    (void)engine.poll_action();
    Bytes two = rom_reply(Opcode::kReadReg, 1);
    esptool::append(two, rom_reply(Opcode::kReadReg, 2));
    engine.feed(two, 1);
    ASSERT_TRUE(engine.finished());
    EXPECT_EQ(engine.report().facts.number("magic"), 1);
  }
  Engine next;
  next.start(read_magic, session, 10);
  (void)next.poll_action();
  next.complete(10);  // the buffered second reply answers without another read
  ASSERT_TRUE(next.finished());
  EXPECT_EQ(next.report().facts.number("magic"), 2);
}

TEST(Engine, DestroyingAnUnfinishedEngineCancelsCleanly) {
  Session session;
  auto engine = std::make_unique<Engine>();
  engine->start(read_magic, session, 0);
  (void)engine->poll_action();
  engine.reset();  // must not leak or crash (ASan in the fuzz build, valgrind by hand)
  SUCCEED();
}

Task<Status> sleep_twice(Link& link) {
  co_await link.sleep(100);
  co_await link.sleep(50);
  co_return Status::Ok();
}

// An idle job that runs twice, then unsets itself.
int idle_runs = 0;
void count_idle(Session& s) {
  if (++idle_runs == 2) s.idle_job = nullptr;
}

TEST(Engine, SleepRunsTheIdleJobFirstAndEndsAtADeadline) {
  Session session;
  idle_runs = 0;
  session.idle_job = count_idle;
  Engine engine;
  engine.start(sleep_twice, session, 10);
  auto action = engine.poll_action();
  ASSERT_TRUE(action && std::holds_alternative<esptool::engine::Sleep>(*action));
  EXPECT_EQ(idle_runs, 1);  // before the host saw the Sleep
  EXPECT_DOUBLE_EQ(std::get<esptool::engine::Sleep>(*action).duration, 100);
  EXPECT_DOUBLE_EQ(std::get<esptool::engine::Sleep>(*action).until, 110);
  engine.complete(115);  // a host that overslept
  action = engine.poll_action();
  ASSERT_TRUE(action && std::holds_alternative<esptool::engine::Sleep>(*action));
  EXPECT_EQ(idle_runs, 2);
  EXPECT_DOUBLE_EQ(std::get<esptool::engine::Sleep>(*action).until, 165);
  engine.complete(165);
  ASSERT_TRUE(engine.finished());
  EXPECT_EQ(session.idle_job, nullptr);
}

Task<Status> await_download(Link& link) {
  Status st = co_await link.await_boot_text("waiting for download", 150);
  link.report().facts.set_number("waited_until", link.now());
  co_return st;
}

TEST(Engine, AwaitBootTextEndsWhenTheRomSaysItWaits) {
  Session session;
  Engine engine;
  engine.start(await_download, session, 0);
  auto action = engine.poll_action();
  ASSERT_TRUE(action && std::holds_alternative<esptool::engine::Read>(*action));
  EXPECT_DOUBLE_EQ(std::get<esptool::engine::Read>(*action).deadline, 150);
  const std::string banner = "rst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT)\r\nwaiting for ";
  engine.feed(Bytes(banner.begin(), banner.end()), 40);
  ASSERT_FALSE(engine.finished());
  ASSERT_TRUE(engine.poll_action().has_value());
  const std::string rest = "download\r\n";
  engine.feed(Bytes(rest.begin(), rest.end()), 42);
  ASSERT_TRUE(engine.finished());
  EXPECT_TRUE(engine.status().ok());
  EXPECT_EQ(engine.report().facts.number("waited_until"), 42);
}

TEST(Engine, AwaitBootTextGivesUpQuietlyAtItsDeadline) {
  Session session;
  Engine engine;
  engine.start(await_download, session, 0);
  ASSERT_TRUE(engine.poll_action().has_value());
  engine.timeout(150);
  ASSERT_TRUE(engine.finished());
  EXPECT_TRUE(engine.status().ok());  // an ESP8266's boot log is not readable at 115200
}

}  // namespace
