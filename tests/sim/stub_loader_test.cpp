// StubLoader through a Device: the legacy stub dialect esptool v4.8.1 talks to (2 status bytes
// [error, status], SYNC value 0, ACK-before-write with latched errors, error codes of
// serial-protocol.md §5, streaming READ_FLASH, baud change, reboot).
#include "hw-sim/loader/stub_loader.h"

#include <gtest/gtest.h>

#include "hw-sim/util/md5.h"
#include "tests/sim/support/rom_fixture.h"

namespace {

using simtest::Bytes;
using simtest::data_request;
using simtest::le32_bytes;
using simtest::Rig;
using simtest::status_of;

const Bytes kOk{0, 0};

Bytes error(uint8_t code) { return Bytes{code, 0}; }

TEST(StubLoader, SyncValueIsZeroAndStillEightReplies) {
  Rig rig("esp32c3");
  ASSERT_TRUE(rig.enter_stub());
  rig.host->send(simtest::request(0x08, simtest::sync_payload()));
  int replies = 0;
  while (auto frame = rig.host->read_frame(50)) {
    EXPECT_EQ(Bytes(frame->begin() + 4, frame->begin() + 8), Bytes(4, 0));
    ++replies;
  }
  EXPECT_EQ(replies, 8);
}

TEST(StubLoader, UnknownOpcodeIsNotImplemented) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  EXPECT_EQ(rig.call(0x0E, le32_bytes({0, 64}))->data, error(0xFF))
      << "READ_FLASH_SLOW is ROM-only";
  EXPECT_EQ(rig.call(0x14, {})->data, error(0xFF)) << "no security info in the ESP32 stub";
}

TEST(StubLoader, SecurityInfoOnS3HasTheChipId) {
  Rig rig("esp32s3");
  ASSERT_TRUE(rig.enter_stub());
  const auto reply = rig.call(0x14, {});
  ASSERT_EQ(reply->data.size(), 20u + 2);
  EXPECT_EQ(reply->data[12], 9);
  EXPECT_EQ(status_of(*reply, 2), kOk);
}

TEST(StubLoader, DataOutsideFlashModeIsRefused) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  EXPECT_EQ(rig.call(data_request(0x03, Bytes(16, 1), 0))->data, error(0xC6));
  EXPECT_EQ(rig.call(0x04, le32_bytes({1}))->data, error(0xC6));
}

TEST(StubLoader, FlashBeginChecksLengthAndBlockSize) {
  Rig rig("esp32s2");
  ASSERT_TRUE(rig.enter_stub());
  EXPECT_EQ(rig.call(0x02, le32_bytes({0, 0, 0x4000, 0, 0}))->data, error(0x01))
      << "ROM's 20-byte form";
  EXPECT_EQ(rig.call(0x02, le32_bytes({0, 0, 0x4001, 0}))->data, error(0xC2));
  EXPECT_EQ(rig.call(0x02, le32_bytes({0, 0, 0x4000, 0}))->data, kOk);
}

TEST(StubLoader, BadChecksumAndBadLengthAreReportedAtOnce) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  rig.call(0x02, le32_bytes({0x100, 1, 0x4000, 0x1000}));
  Bytes packet = data_request(0x03, Bytes(0x100, 0x12), 0);
  packet[4] ^= 0x01;
  EXPECT_EQ(rig.host->call(packet)->data, error(0xC1));
  Bytes data = le32_bytes({0x99, 0, 0, 0});  // length field disagrees with the payload
  data.insert(data.end(), 0x100, 0x12);
  EXPECT_EQ(
      rig.host->call(simtest::request(0x03, data, simtest::xor_checksum(Bytes(0x100, 0x12))))->data,
      error(0xC0));
}

TEST(StubLoader, WriteErrorIsReportedOnTheNextCommand) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  ASSERT_EQ(rig.call(0x0B, le32_bytes({0, 0x10000, 0x10000, 0x1000, 0x100, 0xFFFF}))->data, kOk);
  ASSERT_EQ(rig.call(0x02, le32_bytes({0x2000, 1, 0x4000, 0xF000}))->data, kOk);
  // Past the configured 64 KiB: SPIWrite fails after the ACK.
  EXPECT_EQ(rig.call(data_request(0x03, Bytes(0x2000, 0x55), 0))->data, kOk);
  EXPECT_EQ(rig.call(0x04, le32_bytes({1}))->data, error(0xC4));
}

TEST(StubLoader, AckComesBeforeTheBlockIsWritten) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  rig.call(0x02, le32_bytes({0x4000, 1, 0x4000, 0x0}));
  const auto sent = rig.host->now();
  const auto reply = rig.call(data_request(0x03, Bytes(0x4000, 0x00), 0));
  ASSERT_EQ(reply->data, kOk);
  // 16 KiB at 115200 baud is ~1.43 s on the wire; 4 sector erases + 64 page programs (~206 ms)
  // happen after the ACK, so they do not add to the reply time.
  EXPECT_LT(rig.host->now() - sent, 1500.0);
  EXPECT_TRUE(rig.device->flash().is_busy(rig.host->now()));
}

TEST(StubLoader, CompressedStreamEndingEarlyIsNotEnoughData) {
  Rig rig("esp32c6");
  ASSERT_TRUE(rig.enter_stub());
  const Bytes z = simtest::zlib_compress(Bytes(1000, 0x77));
  ASSERT_EQ(rig.call(0x10, le32_bytes({2000, 1, 0x4000, 0}))->data, kOk);  // announces 2000
  EXPECT_EQ(rig.call(data_request(0x11, z, 0))->data, kOk);
  EXPECT_EQ(rig.call(0x12, le32_bytes({1}))->data, error(0xC8));
}

TEST(StubLoader, ExtraBlockAfterTheStreamIsTooMuchData) {
  Rig rig("esp32h2");
  ASSERT_TRUE(rig.enter_stub());
  const Bytes z = simtest::zlib_compress(Bytes(1000, 0x77));
  ASSERT_EQ(rig.call(0x10, le32_bytes({1000, 2, 0x4000, 0}))->data, kOk);
  EXPECT_EQ(rig.call(data_request(0x11, z, 0))->data, kOk);
  EXPECT_EQ(rig.call(data_request(0x11, Bytes(10, 0), 1))->data, kOk) << "ACKed, error latched";
  EXPECT_EQ(rig.call(0x12, le32_bytes({1}))->data, error(0xC9));
}

TEST(StubLoader, CorruptStreamIsAnInflateError) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  Bytes z = simtest::zlib_compress(Bytes(1000, 0x77));
  z[0] = 0x00;  // bad zlib header
  ASSERT_EQ(rig.call(0x10, le32_bytes({1000, 2, 0x4000, 0}))->data, kOk);
  EXPECT_EQ(rig.call(data_request(0x11, z, 0))->data, kOk);
  EXPECT_EQ(rig.call(data_request(0x11, z, 1))->data, error(0xC7)) << "latched, next data command";
  EXPECT_EQ(rig.call(0x12, le32_bytes({1}))->data, error(0xC8))
      << "FLASH_END checks what is missing first";
}

TEST(StubLoader, Md5IsSixteenRawBytes) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  const auto reply = rig.call(0x13, le32_bytes({0, 0x1000, 0, 0}));
  ASSERT_EQ(reply->data.size(), 18u);
  const auto expected = hwsim::md5(Bytes(0x1000, 0xFF));
  EXPECT_EQ(Bytes(reply->data.begin(), reply->data.begin() + 16),
            Bytes(expected.begin(), expected.end()));
}

TEST(StubLoader, EraseRegionNeedsSectorAlignment) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  rig.device->flash().program(0x10000, Bytes(0x30000, 0x00), 0);
  EXPECT_EQ(rig.call(0xD1, le32_bytes({0x10800, 0x1000}))->data, error(0x01));
  EXPECT_EQ(rig.call(0xD1, le32_bytes({0x11000, 0x21000}), 30000)->data, kOk);
  const auto& flash = rig.device->flash();
  EXPECT_EQ(flash.read(0x10FFF, 1), Bytes{0x00});
  EXPECT_EQ(flash.read(0x11000, 0x21000), Bytes(0x21000, 0xFF));
  EXPECT_EQ(flash.read(0x32000, 1), Bytes{0x00});
}

TEST(StubLoader, EraseFlashTakesTenSimulatedSecondsPerFourMegabytes) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  const auto start = rig.host->now();
  EXPECT_EQ(rig.call(0xD0, {}, 120000)->data, kOk);
  EXPECT_GT(rig.host->now() - start, 10000.0);
  EXPECT_LT(rig.host->now() - start, 10100.0);
}

TEST(StubLoader, ReadFlashStopsAndSendsTheDigestWhenTheHostSendsNoAck) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  ASSERT_EQ(rig.call(0xD2, le32_bytes({0, 0x3000, 0x1000, 64}))->data, kOk);
  const auto first = rig.host->read_frame();
  ASSERT_EQ(first->size(), 0x1000u);
  EXPECT_FALSE(rig.host->read_frame(100).has_value()) << "one packet in flight";
  rig.host->send(Bytes{1, 2, 3});  // not a 4-byte ACK
  const auto digest = rig.host->read_frame();
  const auto expected = hwsim::md5(*first);
  EXPECT_EQ(*digest, Bytes(expected.begin(), expected.end()));
  EXPECT_EQ(rig.call(0x0A, le32_bytes({0x40001000}))->value, 0x00F01D83u) << "back to commands";
}

TEST(StubLoader, ChangeBaudrateScalesTheDividerByOldOverNew) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  ASSERT_EQ(rig.call(0x0F, le32_bytes({460800, 115200}))->data, kOk);
  rig.host->baud(460800);
  rig.host->flush(20);
  const auto reply = rig.call(0x0A, le32_bytes({0x40001000}));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->value, 0x00F01D83u);
}

TEST(StubLoader, FlashEndWithRebootReturnsToTheRom) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  rig.call(0x02, le32_bytes({0, 0, 0x4000, 0}));
  ASSERT_EQ(rig.call(0x04, le32_bytes({0}))->data, kOk);
  rig.host->clear_text();
  rig.host->flush(50);
  EXPECT_NE(rig.host->text().find("rst:0xc"), std::string::npos) << rig.host->text();
  EXPECT_EQ(rig.device->mode(), hwsim::DeviceMode::kRom);
  const auto value = rig.host->sync();
  ASSERT_TRUE(value);
  EXPECT_NE(*value, 0u);
}

TEST(StubLoader, RunUserCodeHasNoReplyAndLeavesTheStub) {
  Rig rig("esp8266");
  ASSERT_TRUE(rig.enter_stub());
  rig.host->send(simtest::request(0xD3, {}));
  EXPECT_FALSE(rig.host->read_frame(100).has_value());
  EXPECT_EQ(rig.device->mode(), hwsim::DeviceMode::kApp);
}

TEST(StubLoader, OversizePacketIsBadDataLengthWithMarker) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.enter_stub());
  Bytes packet = simtest::request(0x03, Bytes(0x4000 + 17, 0));
  const auto reply = rig.host->call(packet);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->data, (Bytes{0xC0, 0xEE}));
}

}  // namespace
