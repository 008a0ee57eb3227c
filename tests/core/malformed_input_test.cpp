// Malformed input from the device side: the SLIP decoder, reply decoding and status checking, and
// what a command then reports. Each case names the error a user sees.
#include <gtest/gtest.h>

#include <variant>

#include "core/engine/engine.h"
#include "core/engine/link.h"
#include "core/proto/packet.h"
#include "core/proto/slip.h"

namespace {

using esptool::Bytes;
using esptool::Errc;
using esptool::Result;
using esptool::Status;
using esptool::engine::Engine;
using esptool::engine::Link;
using esptool::engine::Session;
using esptool::engine::Task;
using esptool::proto::check_reply;
using esptool::proto::decode_reply;
using esptool::proto::Opcode;
using esptool::proto::Reply;
using esptool::proto::Responder;
using esptool::proto::SlipBadEscape;
using esptool::proto::SlipDecoder;
using esptool::proto::SlipEvent;
using esptool::proto::SlipFrame;
using esptool::proto::SlipOversize;
using esptool::proto::SlipStray;

std::vector<SlipEvent> feed(SlipDecoder& d, const Bytes& bytes) {
  std::vector<SlipEvent> events;
  for (uint8_t b : bytes)
    if (auto e = d.push(b)) events.push_back(*e);
  return events;
}

// ---- SLIP -----------------------------------------------------------------------------------

TEST(SlipMalformed, TruncatedFrameIsHeldWithoutAnEventUntilItsEndArrives) {
  SlipDecoder d;
  EXPECT_TRUE(feed(d, Bytes{0xC0, 0x01, 0xDB}).empty());
  EXPECT_TRUE(d.in_frame());
  EXPECT_EQ(d.partial_size(), 1u);  // the pending escape is not a byte yet
  auto events = feed(d, Bytes{0xDD, 0x02, 0xC0});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<SlipFrame>(events[0]).payload, (Bytes{0x01, 0xDB, 0x02}));
  EXPECT_FALSE(d.in_frame());
}

TEST(SlipMalformed, ResetDropsAPartialFrame) {
  SlipDecoder d;
  feed(d, Bytes{0xC0, 0x01, 0x02});
  d.reset();
  EXPECT_FALSE(d.in_frame());
  auto events = feed(d, Bytes{0x03, 0xC0, 0x04, 0xC0});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(std::get<SlipStray>(events[0]).byte, 0x03);
  EXPECT_EQ(std::get<SlipFrame>(events[1]).payload, Bytes{0x04});
}

TEST(SlipMalformed, EscapeFollowedByTheEndDelimiterIsABadEscapeNotAFrame) {
  SlipDecoder d;
  auto events = feed(d, Bytes{0xC0, 0x01, 0xDB, 0xC0});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<SlipBadEscape>(events[0]).byte, 0xC0);
  EXPECT_FALSE(d.in_frame());
  events = feed(d, Bytes{0xC0, 0x05, 0xC0});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<SlipFrame>(events[0]).payload, Bytes{0x05});
}

TEST(SlipMalformed, DoubledEscapeByteIsABadEscape) {
  SlipDecoder d;
  auto events = feed(d, Bytes{0xC0, 0xDB, 0xDB, 0xDD, 0xC0});
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(std::get<SlipBadEscape>(events[0]).byte, 0xDB);
}

TEST(SlipMalformed, EscapeBytesOutsideAFrameAreStrayBytes) {
  SlipDecoder d;
  auto events = feed(d, Bytes{0xDB, 0xDC, 0xDD});
  ASSERT_EQ(events.size(), 3u);
  for (const auto& e : events) EXPECT_TRUE(std::holds_alternative<SlipStray>(e));
}

TEST(SlipMalformed, FrameOfExactlyTheLimitIsAccepted) {
  SlipDecoder d(16);
  Bytes wire = {0xC0};
  wire.insert(wire.end(), 16, 0x11);
  wire.push_back(0xC0);
  auto events = feed(d, wire);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<SlipFrame>(events[0]).payload.size(), 16u);
}

TEST(SlipMalformed, OversizeFrameIsDiscardedWithOneEventAndTheNextFrameDecodes) {
  SlipDecoder d(16);
  Bytes wire = {0xC0};
  wire.insert(wire.end(), 40, 0x11);  // noise with no end delimiter
  wire.insert(wire.end(), {0xC0, 0x22, 0xC0});
  auto events = feed(d, wire);
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(std::get<SlipOversize>(events[0]).size, 17u);
  // The bytes after the overflow are outside any frame until the next delimiter.
  for (size_t i = 1; i + 1 < events.size(); ++i) EXPECT_TRUE(std::holds_alternative<SlipStray>(events[i]));
  EXPECT_EQ(std::get<SlipFrame>(events.back()).payload, Bytes{0x22});
}

TEST(SlipMalformed, DefaultLimitHoldsTheLargestReplyAStubSends) {
  // A stub READ_FLASH packet is 4 KiB; even fully escaped it is far below the default limit.
  SlipDecoder d;
  const Bytes payload(0x1000, 0xC0);
  auto events = feed(d, esptool::proto::slip_encode(payload));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<SlipFrame>(events[0]).payload, payload);
}

// ---- reply decoding and status ----------------------------------------------------------------

Bytes reply_frame(uint8_t direction, Opcode op, uint16_t size_field, const Bytes& data, uint32_t value = 0) {
  Bytes f = {direction, uint8_t(op)};
  esptool::append_le16(f, size_field);
  esptool::append_le32(f, value);
  esptool::append(f, data);
  return f;
}

TEST(ReplyMalformed, WrongDirectionByteIsNotAReply) {
  for (uint8_t dir : {0x00, 0x02, 0x80, 0xFF}) {
    EXPECT_FALSE(decode_reply(reply_frame(dir, Opcode::kReadReg, 4, Bytes(4, 0))).has_value()) << int(dir);
  }
}

TEST(ReplyMalformed, FrameShorterThanTheHeaderIsNotAReply) {
  EXPECT_FALSE(decode_reply(Bytes{}).has_value());
  EXPECT_FALSE(decode_reply(Bytes{0x01, 0x0A, 0, 0, 0, 0, 0}).has_value());
  auto bare = decode_reply(Bytes{0x01, 0x0A, 0, 0, 1, 0, 0, 0});
  ASSERT_TRUE(bare.has_value());
  EXPECT_TRUE(bare->data.empty());
  EXPECT_EQ(bare->value, 1u);
}

TEST(ReplyMalformed, SizeFieldThatDisagreesWithTheFrameIsIgnored) {
  // The legacy stub under-reports the size; the frame length is the truth.
  for (uint16_t size_field : {0, 2, 0xFFFF}) {
    auto r = decode_reply(reply_frame(0x01, Opcode::kSpiFlashMd5, size_field, Bytes{1, 2, 3, 0, 0}));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->data, (Bytes{1, 2, 3, 0, 0}));
  }
}

TEST(ReplyMalformed, RomReplyShorterThanItsFourStatusBytesIsABadFrame) {
  Reply r{Opcode::kFlashBegin, 0, Bytes{0x00, 0x00}};
  auto checked = check_reply(r, Responder::kRom, 4);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().code, Errc::kBadFrame);
  EXPECT_EQ(checked.error().message(), "FLASH_BEGIN reply has 2 data bytes, fewer than its 4 status bytes");
}

TEST(ReplyMalformed, StubReplyWithNoStatusIsABadFrame) {
  Reply r{Opcode::kFlashDeflData, 0, Bytes{}};
  auto checked = check_reply(r, Responder::kStub, 2);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().name(), "bad_frame");
  EXPECT_EQ(checked.error().message(), "FLASH_DEFL_DATA reply has 0 data bytes, fewer than its 2 status bytes");
}

TEST(ReplyMalformed, OnlyTheFirstStatusByteDecidesFailure) {
  // check_command tests status[0] only; a stray error byte after a 0 is not a failure.
  Reply r{Opcode::kSpiAttach, 0, Bytes{0x00, 0x05, 0x00, 0x00}};
  EXPECT_TRUE(check_reply(r, Responder::kRom, 4).ok());
}

TEST(ReplyMalformed, UnknownRomErrorByteKeepsItsNumber) {
  Reply r{Opcode::kMemData, 0, Bytes{0x01, 0x42, 0x00, 0x00}};
  auto checked = check_reply(r, Responder::kRom, 4);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(uint16_t(checked.error().code), 0x0142);
  EXPECT_EQ(checked.error().name(), "rom.0x0142");
  EXPECT_EQ(checked.error().message(), "MEM_DATA failed: ROM error 0x0142 (unknown error)");
}

TEST(ReplyMalformed, UnknownStubStatusKeepsItsNumber) {
  Reply r{Opcode::kFlashDeflData, 0, Bytes{0x07, 0x00}};
  auto checked = check_reply(r, Responder::kStub, 2);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(uint16_t(checked.error().code), 0x0700);
  EXPECT_EQ(checked.error().name(), "stub.0x0700");
  EXPECT_EQ(checked.error().message(), "FLASH_DEFL_DATA failed: stub error 0x0700 (unknown error)");
}

// ---- what a command reports ------------------------------------------------------------------

Task<Status> attach(Link& link) {
  Bytes data(8, 0);
  Result<Bytes> r = co_await link.call(Opcode::kSpiAttach, data, 3000);
  if (!r.ok()) co_return r.error();
  co_return Status::Ok();
}

// Runs SPI_ATTACH against a ROM-shaped session: sends, then answers the first read with `wire`
// and every later read with a timeout.
Status attach_with_reply(const Bytes& wire) {
  Session session;  // chip unknown: 2 status bytes, as esptool's generic class
  Engine engine;
  engine.start(attach, session, 0);
  double now = 0;
  bool fed = false;
  while (!engine.finished()) {
    auto action = engine.poll_action();
    if (!action) break;
    if (std::holds_alternative<esptool::engine::Read>(*action)) {
      if (!fed && !wire.empty()) {
        fed = true;
        engine.feed(wire, now += 1);
      } else {
        engine.timeout(now = std::get<esptool::engine::Read>(*action).deadline);
      }
    } else {
      engine.complete(now);
    }
  }
  EXPECT_TRUE(engine.finished());
  return engine.status();
}

TEST(CommandMalformed, ReplyCutOffMidFrameIsATimeoutNamingTheBytesReceived) {
  const Bytes whole = esptool::proto::slip_encode(reply_frame(0x01, Opcode::kSpiAttach, 2, Bytes{0, 0}));
  Status s = attach_with_reply(Bytes(whole.begin(), whole.begin() + 6));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kTimeout);
  EXPECT_EQ(s.error().message(), "No reply to SPI_ATTACH: Packet content transfer stopped (received 5 bytes)");
}

TEST(CommandMalformed, ReplyWithABadEscapeEndsInTheEscapeError) {
  Bytes wire = {0xC0, 0x01, uint8_t(Opcode::kSpiAttach), 2, 0, 0, 0, 0, 0, 0xDB, 0x99, 0x00, 0xC0};
  Status s = attach_with_reply(wire);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kBadFrame);
  EXPECT_EQ(s.error().message(), "No reply to SPI_ATTACH: Invalid SLIP escape (0xdb, 0x99)");
}

TEST(CommandMalformed, OversizeFrameEndsInAnOversizeError) {
  Bytes wire = {0xC0};
  wire.insert(wire.end(), esptool::proto::kSlipMaxPayload + 10, 0x11);
  Status s = attach_with_reply(wire);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kBadFrame);
  EXPECT_EQ(s.error().message(),
            esptool::strprintf("No reply to SPI_ATTACH: SLIP frame longer than %zu bytes: Possible serial "
                               "noise or corruption.",
                               esptool::proto::kSlipMaxPayload));
}

TEST(CommandMalformed, RepliesWithTheWrongDirectionAreSkippedUntilTheTimeout) {
  Bytes wire = esptool::proto::slip_encode(reply_frame(0x00, Opcode::kSpiAttach, 2, Bytes{0, 0}));
  esptool::append(wire, esptool::proto::slip_encode(reply_frame(0x02, Opcode::kSpiAttach, 2, Bytes{0, 0})));
  Status s = attach_with_reply(wire);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kTimeout);
  EXPECT_EQ(s.error().message(), "No reply to SPI_ATTACH: Serial data stream stopped: Possible serial noise or corruption.");
}

TEST(CommandMalformed, ReplyToAnotherOpcodeWithInvalidMessageMeansUnsupported) {
  Bytes wire = esptool::proto::slip_encode(reply_frame(0x01, Opcode::kSync, 2, Bytes{0x01, 0x05}));
  Status s = attach_with_reply(wire);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kUnsupportedCommand);
  EXPECT_EQ(s.error().message(), "Invalid (unsupported) command 0xd");  // util.py: 0x%x
}

TEST(CommandMalformed, AHundredRepliesToOtherOpcodesEndTheWait) {
  Bytes wire;
  for (int i = 0; i < 100; ++i)
    esptool::append(wire, esptool::proto::slip_encode(reply_frame(0x01, Opcode::kSync, 2, Bytes{0, 0})));
  Status s = attach_with_reply(wire);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kUnexpectedReply);
  EXPECT_EQ(s.error().message(), "No SPI_ATTACH reply among 100 frames");
}

TEST(CommandMalformed, ShortStatusInTheMatchingReplyIsABadFrame) {
  Bytes wire = esptool::proto::slip_encode(reply_frame(0x01, Opcode::kSpiAttach, 1, Bytes{0x00}));
  Status s = attach_with_reply(wire);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kBadFrame);
  EXPECT_EQ(s.error().message(), "SPI_ATTACH reply has 1 data bytes, fewer than its 2 status bytes");
}

TEST(CommandMalformed, SilenceIsNoSerialDataReceived) {
  Status s = attach_with_reply(Bytes{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::kTimeout);
  EXPECT_EQ(s.error().message(), "No reply to SPI_ATTACH: No serial data received within 3000 ms");
}

}  // namespace

// ---- a refusal comes 8 times (serial-protocol.md §4) -------------------------------------------

// Two SPI_ATTACH calls in one operation; the second one's status is kept in *second.
Task<Status> attach_twice(Link& link, Status* second) {
  Status first = co_await attach(link);
  *second = co_await attach(link);
  co_return first;
}

// Answers the n-th read with wires[n] (a timeout once they run out).
std::pair<Status, Status> attach_twice_with(const std::vector<Bytes>& wires) {
  Session session;
  Engine engine;
  Status second = Status::Ok();
  engine.start([&second](Link& link) { return attach_twice(link, &second); }, session, 0);
  double now = 0;
  size_t next = 0;
  while (!engine.finished()) {
    auto action = engine.poll_action();
    if (!action) break;
    if (const auto* read = std::get_if<esptool::engine::Read>(&*action)) {
      if (next < wires.size()) {
        engine.feed(wires[next++], now += 1);
      } else {
        engine.timeout(now = read->deadline);
      }
    } else {
      engine.complete(now);
    }
  }
  EXPECT_TRUE(engine.finished());
  return {engine.status(), second};
}

Bytes refusals(int copies) {
  Bytes wire;
  for (int i = 0; i < copies; ++i)
    esptool::append(wire, esptool::proto::slip_encode(reply_frame(0x01, Opcode(0x00), 4, Bytes{1, 0x05, 0, 0})));
  return wire;
}

TEST(CommandMalformed, CopiesOfARefusalAreNotTakenForTheNextCommandsAnswer) {
  const Bytes ok = esptool::proto::slip_encode(reply_frame(0x01, Opcode::kSpiAttach, 2, Bytes{0, 0}));
  auto [first, second] = attach_twice_with({refusals(8), ok});
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.error().code, Errc::kUnsupportedCommand);
  EXPECT_TRUE(second.ok()) << second.error().message();
}

TEST(CommandMalformed, ASecondRefusalIsStillReportedAfterTheFirstOnesCopies) {
  auto [first, second] = attach_twice_with({refusals(8), refusals(8)});
  EXPECT_EQ(first.error().code, Errc::kUnsupportedCommand);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, Errc::kUnsupportedCommand);
}
