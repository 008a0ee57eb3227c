// RomLoader through a Device: the ROM quirks of serial-protocol.md (status layout, SYNC, the
// FLASH_BEGIN 5th word, erase-then-write with read-back, hex MD5, slow read, baud change).
#include "hw-sim/loader/rom_loader.h"

#include <gtest/gtest.h>

#include "hw-sim/util/md5.h"
#include "tests/sim/support/rom_fixture.h"

namespace {

using simtest::Bytes;
using simtest::data_request;
using simtest::le32_bytes;
using simtest::Rig;
using simtest::status_of;

const Bytes kOk4{0, 0, 0, 0};

TEST(RomLoader, SyncAnswersEightTimesWithANonZeroValue) {
  Rig rig("esp32");
  rig.host->send(simtest::request(0x08, simtest::sync_payload()));
  int replies = 0;
  while (auto frame = rig.host->read_frame(50)) {
    ASSERT_GE(frame->size(), 8u);
    EXPECT_EQ((*frame)[1], 0x08);
    EXPECT_NE(simtest::le32_bytes({0}), Bytes(frame->begin() + 4, frame->begin() + 8));
    ++replies;
  }
  EXPECT_EQ(replies, 8);
}

TEST(RomLoader, ReadRegReturnsTheChipMagicWithFourStatusBytes) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.sync());
  const auto reply = rig.call(0x0A, le32_bytes({0x40001000}));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->value, 0x00F01D83u);
  EXPECT_EQ(reply->data, kOk4);
}

TEST(RomLoader, Esp8266RomAnswersWithTwoStatusBytes) {
  Rig rig("esp8266");
  ASSERT_TRUE(rig.sync());
  const auto reply = rig.call(0x0A, le32_bytes({0x40001000}));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->value, 0xFFF0C101u);
  EXPECT_EQ(reply->data, (Bytes{0, 0}));
}

TEST(RomLoader, UnsupportedCommandFailsWithInvalidMessage) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.sync());
  const auto info = rig.call(0x14, {});  // no GET_SECURITY_INFO in the ESP32 ROM
  ASSERT_TRUE(info);
  EXPECT_EQ(info->data, (Bytes{1, 0x05, 0, 0}));
  const auto erase = rig.call(0xD0, {});  // stub-only command
  ASSERT_TRUE(erase);
  EXPECT_EQ(status_of(*erase, 4), (Bytes{1, 0x05, 0, 0}));
}

TEST(RomLoader, SecurityInfoIsTwentyBytesWithChipIdOnS3AndTwelveOnS2) {
  Rig s3("esp32s3");
  ASSERT_TRUE(s3.sync());
  const auto full = s3.call(0x14, {});
  ASSERT_TRUE(full);
  ASSERT_EQ(full->data.size(), 20u + 4);
  EXPECT_EQ(full->data[12], 9) << "IMAGE_CHIP_ID of the ESP32-S3";
  Rig s2("esp32s2");
  ASSERT_TRUE(s2.sync());
  const auto short_form = s2.call(0x14, {});
  ASSERT_TRUE(short_form);
  EXPECT_EQ(short_form->data.size(), 12u + 4);
}

TEST(RomLoader, FlashBeginTakesFourOrFiveWords) {
  // esptool sends the `encrypted` word to S2-and-later ROMs only, esptool-js to every ROM.
  for (const char* chip : {"esp32s3", "esp32", "esp8266"}) {
    Rig rig(chip);
    ASSERT_TRUE(rig.sync());
    const size_t n = hwsim::find_chip(chip)->rom_status_bytes;
    EXPECT_EQ(status_of(*rig.call(0x02, le32_bytes({0, 0, 0x400, 0})), n)[0], 0) << chip;
    EXPECT_EQ(status_of(*rig.call(0x02, le32_bytes({0, 0, 0x400, 0, 0})), n)[0], 0) << chip;
    EXPECT_EQ(status_of(*rig.call(0x02, le32_bytes({0, 0, 0x400})), n)[1], 0x05) << chip;
  }
}

TEST(RomLoader, WritesAfterAttachEraseFirstAndReportMd5AsLowerCaseHex) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.sync());
  ASSERT_EQ(rig.call(0x0D, le32_bytes({0, 0}))->data, kOk4);    // SPI_ATTACH, ROM form: 8 bytes
  rig.device->flash().program(0x3000, Bytes(0x1000, 0x00), 0);  // not erased
  Bytes image(0x900);
  for (size_t i = 0; i < image.size(); ++i) image[i] = static_cast<uint8_t>(i * 7);
  const uint32_t offset = 0x3000;
  const auto begin = rig.call(0x02, le32_bytes({0x900, 3, 0x400, offset}), 30000);
  ASSERT_TRUE(begin);
  EXPECT_EQ(begin->data, kOk4);
  for (uint32_t seq = 0; seq < 3; ++seq) {
    Bytes block(image.begin() + seq * 0x400,
                image.begin() + std::min<size_t>((seq + 1) * 0x400, image.size()));
    block.resize(0x400, 0xFF);  // esptool pads each ROM block
    ASSERT_EQ(rig.call(data_request(0x03, block, seq))->data, kOk4) << "block " << seq;
  }
  const auto md5 = rig.call(0x13, le32_bytes({offset, 0x900, 0, 0}));
  ASSERT_TRUE(md5);
  ASSERT_EQ(md5->data.size(), 32u + 4);
  EXPECT_EQ(std::string(md5->data.begin(), md5->data.begin() + 32),
            hwsim::to_hex(hwsim::md5(image)));
}

TEST(RomLoader, SpiAttachTakesTheRomOrTheStubForm) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.sync());
  EXPECT_EQ(rig.call(0x0D, le32_bytes({0}))->data, kOk4);
  EXPECT_EQ(rig.call(0x0D, le32_bytes({0, 0}))->data, kOk4);
  EXPECT_EQ(rig.call(0x0D, le32_bytes({0, 0, 0}))->data, (Bytes{1, 0x05, 0, 0}));
}

TEST(RomLoader, BlockWithBadChecksumFailsWithCode7) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.sync());
  rig.call(0x0D, le32_bytes({0, 0}));
  rig.call(0x02, le32_bytes({0x400, 1, 0x400, 0x10000}));
  Bytes packet = data_request(0x03, Bytes(0x400, 0x12), 0);
  packet[4] ^= 0xFF;  // corrupt the checksum field
  EXPECT_EQ(rig.host->call(packet)->data, (Bytes{1, 0x07, 0, 0}));
}

TEST(RomLoader, WritingOverUnerasedFlashFailsTheReadBack) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.sync());
  rig.call(0x0D, le32_bytes({0, 0}));
  rig.device->flash().program(0x20000, Bytes(0x400, 0x0F), 0);
  rig.call(0x02, le32_bytes({0, 1, 0x400, 0x20000}));  // size 0: nothing erased
  EXPECT_EQ(rig.call(data_request(0x03, Bytes(0x400, 0xF0), 0))->data, (Bytes{1, 0x08, 0, 0}));
}

TEST(RomLoader, WithoutSpiAttachTheFlashReadsAllOnes) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.sync());
  rig.device->flash().program(0, Bytes(64, 0x00), 0);
  const auto slow = rig.call(0x0E, le32_bytes({0, 64}));
  ASSERT_TRUE(slow);
  EXPECT_EQ(Bytes(slow->data.begin(), slow->data.begin() + 64), Bytes(64, 0xFF));
}

TEST(RomLoader, ReadFlashSlowAnswersSixtyFourBytes) {
  Rig rig("esp32c3");
  ASSERT_TRUE(rig.sync());
  rig.call(0x0D, le32_bytes({0, 0}));
  Bytes data(64);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i);
  rig.device->flash().program(0x100, data, 0);
  const auto reply = rig.call(0x0E, le32_bytes({0x100, 16}));
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->data.size(), 64u + 4);
  EXPECT_EQ(Bytes(reply->data.begin(), reply->data.begin() + 64), data);
  EXPECT_EQ(status_of(*rig.call(0x0E, le32_bytes({0, 65})), 4), (Bytes{1, 0x0A, 0, 0}));
}

TEST(RomLoader, CompressedWriteInflatesIntoFlash) {
  Rig rig("esp32s3");
  ASSERT_TRUE(rig.sync());
  rig.call(0x0D, le32_bytes({0, 0}));
  Bytes image(5000);
  for (size_t i = 0; i < image.size(); ++i) image[i] = static_cast<uint8_t>(i / 10);
  const Bytes z = simtest::zlib_compress(image);
  const uint32_t blocks = static_cast<uint32_t>((z.size() + 0x3FF) / 0x400);
  ASSERT_EQ(rig.call(0x10, le32_bytes({0x1400, blocks, 0x400, 0x8000, 0}), 30000)->data, kOk4);
  for (uint32_t seq = 0; seq < blocks; ++seq) {
    Bytes block(z.begin() + seq * 0x400, z.begin() + std::min<size_t>((seq + 1) * 0x400, z.size()));
    ASSERT_EQ(rig.call(data_request(0x11, block, seq))->data, kOk4);
  }
  const auto md5 = rig.call(0x13, le32_bytes({0x8000, 5000, 0, 0}));
  EXPECT_EQ(std::string(md5->data.begin(), md5->data.begin() + 32),
            hwsim::to_hex(hwsim::md5(image)));
}

TEST(RomLoader, ChangeBaudrateAnswersAtTheOldRateThenSwitches) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.sync());
  const auto reply = rig.call(0x0F, le32_bytes({921600, 0}));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->data, kOk4);
  rig.host->baud(921600);
  rig.host->flush(50);
  const auto after = rig.call(0x0A, le32_bytes({0x40001000}));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->value, 0x00F01D83u);
}

TEST(RomLoader, Esp8266FlashBeginHasTheEraseSizeBug) {
  // 3 sectors at 0x1000 (head = 15): esptool's workaround asks for 2 sectors and the ROM
  // erases 2 + min(2, 15) = 4; a plain request for 3 would erase 6.
  Rig rig("esp8266");
  ASSERT_TRUE(rig.sync());
  rig.device->flash().program(0, Bytes(0x10000, 0x00), 0);
  rig.call(0x02, le32_bytes({0x2000, 3, 0x400, 0x1000}), 30000);
  const auto& flash = rig.device->flash();
  EXPECT_EQ(flash.read(0x1000, 0x4000), Bytes(0x4000, 0xFF));
  EXPECT_EQ(flash.read(0x5000, 1), Bytes{0x00});
}

TEST(RomLoader, MemEndJumpingOutsideUploadedCodeLeavesTheChipSilent) {
  Rig rig("esp32");
  ASSERT_TRUE(rig.sync());
  rig.call(0x05, le32_bytes({4, 1, 0x1800, 0x3FFB0000}));
  rig.call(data_request(0x07, Bytes(4, 0), 0));
  rig.call(0x06, le32_bytes({0, 0x40080000}), 200);
  rig.host->flush(10);
  EXPECT_EQ(rig.device->mode(), hwsim::DeviceMode::kApp);
  EXPECT_FALSE(rig.host->sync().has_value());
}

}  // namespace
