#include <gtest/gtest.h>

#include "core/proto/packet.h"

namespace {

using esptool::Bytes;
using esptool::proto::check_reply;
using esptool::proto::decode_reply;
using esptool::proto::Opcode;
using esptool::proto::Responder;

TEST(EncodeRequest, SyncHasTheDocumentedLayout) {
  Bytes data = {0x07, 0x07, 0x12, 0x20};
  data.resize(36, 0x55);
  Bytes packet = esptool::proto::encode_request(Opcode::kSync, data);
  ASSERT_EQ(packet.size(), 44u);
  EXPECT_EQ(Bytes(packet.begin(), packet.begin() + 8), (Bytes{0x00, 0x08, 0x24, 0x00, 0, 0, 0, 0}));
}

TEST(EncodeDataCommand, ChecksumCoversOnlyThePayload) {
  const Bytes payload = {0x01, 0x02, 0x03};
  Bytes packet = esptool::proto::encode_data_command(Opcode::kFlashData, 5, payload);
  EXPECT_EQ(packet[4], 0xEF ^ 0x01 ^ 0x02 ^ 0x03);
  EXPECT_EQ(esptool::read_le32(packet.data() + 8), 3u);   // len
  EXPECT_EQ(esptool::read_le32(packet.data() + 12), 5u);  // seq
  EXPECT_EQ(packet.size(), 8u + 16u + 3u);
}

// Observed ESP32 ROM trace (serial-protocol.md §2): READ_REG of 0x40001000.
TEST(DecodeReply, RomReadRegCarriesTheValueAndFourStatusBytes) {
  const Bytes frame = {0x01, 0x0a, 0x04, 0x00, 0x83, 0x1d, 0xf0, 0x00, 0, 0, 0, 0};
  auto reply = decode_reply(frame);
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(reply->op, Opcode::kReadReg);
  EXPECT_EQ(reply->value, 0x00F01D83u);
  auto payload = check_reply(*reply, Responder::kRom, 4);
  ASSERT_TRUE(payload.ok());
  EXPECT_TRUE(payload->empty());
}

TEST(DecodeReply, RequestsAndShortFramesAreNotReplies) {
  EXPECT_FALSE(decode_reply(Bytes{0x00, 0x08, 0, 0, 0, 0, 0, 0}).has_value());
  EXPECT_FALSE(decode_reply(Bytes{0x01, 0x08, 0, 0}).has_value());
}

TEST(CheckReply, RomFailureBecomesCode0x01xxWithItsMeaning) {
  esptool::proto::Reply reply{Opcode::kFlashData, 0, Bytes{0x01, 0x07, 0x00, 0x00}};
  auto r = check_reply(reply, Responder::kRom, 4);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(uint16_t(r.error().code), 0x0107);
  EXPECT_EQ(r.error().name(), "rom.checksum_error");
  EXPECT_EQ(r.error().message(), "FLASH_DATA failed: ROM error 0x0107 (checksum error)");
}

TEST(CheckReply, StubFailureBecomesStatusShiftedLeft) {
  esptool::proto::Reply reply{Opcode::kFlashDeflData, 0, Bytes{0xC1, 0x00}};
  auto r = check_reply(reply, Responder::kStub, 2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(uint16_t(r.error().code), 0xC100);
  EXPECT_EQ(r.error().name(), "stub.bad_data_checksum");
}

TEST(CheckReply, StubGenericFailureIsNamedApartFromTheRomCode) {
  esptool::proto::Reply reply{Opcode::kEraseRegion, 0, Bytes{0x01, 0x00}};
  auto r = check_reply(reply, Responder::kStub, 2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(uint16_t(r.error().code), 0x0100);
  EXPECT_EQ(r.error().name(), "stub.failed");
}

TEST(CheckReply, PayloadBeforeTheStatusIsReturned) {
  Bytes data(16, 0xAA);
  data.push_back(0);
  data.push_back(0);
  esptool::proto::Reply reply{Opcode::kSpiFlashMd5, 0, data};
  auto r = check_reply(reply, Responder::kStub, 2);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, Bytes(16, 0xAA));
}

TEST(CheckReply, TooFewBytesForTheStatusIsABadFrame) {
  esptool::proto::Reply reply{Opcode::kSync, 0, Bytes{0x00}};
  auto r = check_reply(reply, Responder::kRom, 4);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().name(), "bad_frame");
}

}  // namespace
