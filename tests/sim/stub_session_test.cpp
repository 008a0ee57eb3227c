// A whole esptool-like session against an in-process Device in virtual time: sync with the ROM,
// upload a fake stub (any code whose entry lies in the upload), get OHAI, write compressed data,
// read it back through the streaming READ_FLASH, check the MD5. Helpers are test-local.
#include <gtest/gtest.h>

#include <random>

#include "hw-sim/util/md5.h"
#include "tests/sim/support/sim_host.h"

namespace {

using simtest::Bytes;
using simtest::Host;
using simtest::le32_bytes;

constexpr size_t kStubStatus = 2;

hwsim::DeviceOptions esp32_options() {
  hwsim::DeviceOptions options;
  options.chip = hwsim::find_chip("esp32");
  return options;
}

Bytes firmware_like(size_t size, uint32_t seed) {
  std::mt19937 rng(seed);
  Bytes data(size);
  for (size_t i = 0; i < size; ++i)
    data[i] = (i % 7 == 0) ? static_cast<uint8_t>(rng()) : static_cast<uint8_t>(i / 64);
  return data;
}

// Uploads a 2 KiB "stub" at 0x400BE000 and runs it; returns the frame after MEM_END.
std::optional<Bytes> upload_fake_stub(Host& host) {
  Bytes text(2048, 0xA5);
  const uint32_t address = 0x400BE000;
  auto begin =
      host.call(0x05, le32_bytes({static_cast<uint32_t>(text.size()), 1, 0x1800, address}));
  if (!begin) return std::nullopt;
  auto data = host.call(simtest::data_request(0x07, text, 0));
  if (!data) return std::nullopt;
  auto end = host.call(0x06, le32_bytes({0, address + 0x10}), 200);
  if (!end) return std::nullopt;
  return host.read_frame(3000);
}

std::string stub_md5(Host& host, uint32_t offset, uint32_t size) {
  auto reply = host.call(0x13, le32_bytes({offset, size, 0, 0}));
  if (!reply || reply->data.size() != 16 + kStubStatus) return "";
  return hwsim::to_hex(std::span<const uint8_t>(reply->data.data(), 16));
}

TEST(StubSession, SyncUploadStubWriteCompressedReadBackAndVerify) {
  hwsim::Device device(esp32_options());
  Host host(device);
  host.classic_reset();
  EXPECT_NE(host.text().find("waiting for download"), std::string::npos) << host.text();
  host.flush();
  const std::optional<uint32_t> sync_value = host.sync();
  ASSERT_TRUE(sync_value.has_value());
  EXPECT_NE(*sync_value, 0u) << "the ROM answers SYNC with a non-zero value";

  const std::optional<Bytes> greeting = upload_fake_stub(host);
  ASSERT_TRUE(greeting.has_value());
  EXPECT_EQ(*greeting, (Bytes{'O', 'H', 'A', 'I'}));
  ASSERT_EQ(device.mode(), hwsim::DeviceMode::kStub);

  const Bytes image = firmware_like(100 * 1024 + 123, 7);
  const Bytes compressed = simtest::zlib_compress(image);
  const uint32_t offset = 0x10000, block = 0x4000;
  const uint32_t blocks = static_cast<uint32_t>((compressed.size() + block - 1) / block);
  auto begin =
      host.call(0x10, le32_bytes({static_cast<uint32_t>(image.size()), blocks, block, offset}));
  ASSERT_TRUE(begin);
  EXPECT_EQ(begin->status(kStubStatus, 0), 0);
  for (uint32_t seq = 0; seq < blocks; ++seq) {
    const size_t from = seq * block;
    const size_t len = std::min<size_t>(block, compressed.size() - from);
    auto reply = host.call(
        simtest::data_request(0x11, std::span<const uint8_t>(compressed).subspan(from, len), seq));
    ASSERT_TRUE(reply) << "block " << seq;
    EXPECT_EQ(reply->status(kStubStatus, 0), 0) << "block " << seq;
  }
  // esptool waits for the last write with a READ_REG, then checks the MD5.
  ASSERT_TRUE(host.call(0x0A, le32_bytes({0x40001000})));
  EXPECT_EQ(stub_md5(host, offset, static_cast<uint32_t>(image.size())),
            hwsim::to_hex(hwsim::md5(image)));

  // Streaming read: data packets, a 4-byte ACK after each, then the 16-byte digest.
  auto read =
      host.call(0xD2, le32_bytes({offset, static_cast<uint32_t>(image.size()), 0x1000, 64}));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status(kStubStatus, 0), 0);
  Bytes back;
  while (back.size() < image.size()) {
    const std::optional<Bytes> packet = host.read_frame();
    ASSERT_TRUE(packet);
    back.insert(back.end(), packet->begin(), packet->end());
    host.send(le32_bytes({static_cast<uint32_t>(back.size())}));
  }
  const std::optional<Bytes> digest = host.read_frame();
  ASSERT_TRUE(digest);
  EXPECT_EQ(back, image);
  const auto expected_digest = hwsim::md5(image);
  EXPECT_EQ(*digest, Bytes(expected_digest.begin(), expected_digest.end()));

  auto end = host.call(0x12, le32_bytes({1}));
  ASSERT_TRUE(end);
  EXPECT_EQ(end->status(kStubStatus, 0), 0);
  EXPECT_EQ(Bytes(device.flash().contents().begin() + offset,
                  device.flash().contents().begin() + offset + image.size()),
            image);
}

}  // namespace

namespace {

// Every simulated chip, ROM-only and with the stub: write, read back, MD5.
class EveryChip : public ::testing::TestWithParam<const hwsim::ChipModel*> {};

std::string chip_name(const ::testing::TestParamInfo<const hwsim::ChipModel*>& info) {
  return std::string(info.param->key);
}

TEST_P(EveryChip, RomWritesUncompressedBlocksAndTheStubWritesCompressedOnesThatReadBackEqual) {
  const hwsim::ChipModel& chip = *GetParam();
  hwsim::DeviceOptions options;
  options.chip = &chip;
  hwsim::Device device(options);
  Host host(device);
  host.flush(30);
  ASSERT_TRUE(host.sync().has_value());
  const size_t rom_status = chip.rom_status_bytes;

  // ROM: attach (FLASH_BEGIN(0,0) on the ESP8266), then 0x400-byte blocks.
  const Bytes image = firmware_like(3000, 11);
  const Bytes begin_tail = chip.rom_begin_has_encrypt_word ? le32_bytes({0}) : Bytes{};
  if (chip.rom_opcodes & hwsim::op_bit(0x0D)) {
    ASSERT_TRUE(host.call(0x0D, le32_bytes({0, 0})));
  }
  Bytes begin = le32_bytes({0x1000, 3, 0x400, 0x20000});
  begin.insert(begin.end(), begin_tail.begin(), begin_tail.end());
  auto reply = host.call(0x02, begin, 30000);
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status(rom_status, 0), 0);
  for (uint32_t seq = 0; seq < 3; ++seq) {
    Bytes block(image.begin() + seq * 0x400,
                image.begin() + std::min<size_t>((seq + 1) * 0x400, image.size()));
    block.resize(0x400, 0xFF);
    reply = host.call(simtest::data_request(0x03, block, seq));
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status(rom_status, 0), 0) << "block " << seq;
  }
  EXPECT_EQ(Bytes(device.flash().contents().begin() + 0x20000,
                  device.flash().contents().begin() + 0x20000 + 3000),
            image);
  if (chip.rom_opcodes & hwsim::op_bit(0x13)) {
    reply = host.call(0x13, le32_bytes({0x20000, 3000, 0, 0}));
    ASSERT_TRUE(reply);
    EXPECT_EQ(std::string(reply->data.begin(), reply->data.begin() + 32),
              hwsim::to_hex(hwsim::md5(image)));
  }

  // Stub: compressed write, streaming read, MD5.
  const std::optional<Bytes> greeting = upload_fake_stub(host);
  ASSERT_TRUE(greeting);
  ASSERT_EQ(*greeting, (Bytes{'O', 'H', 'A', 'I'}));
  const Bytes big = firmware_like(40000, 5);
  const Bytes z = simtest::zlib_compress(big);
  reply = host.call(0x10, le32_bytes({static_cast<uint32_t>(big.size()), 1, 0x4000, 0x30000}));
  ASSERT_EQ(reply->status(kStubStatus, 0), 0);
  reply = host.call(simtest::data_request(0x11, z, 0));
  ASSERT_EQ(reply->status(kStubStatus, 0), 0);
  ASSERT_TRUE(host.call(0x0A, le32_bytes({0x40001000})));
  EXPECT_EQ(stub_md5(host, 0x30000, static_cast<uint32_t>(big.size())),
            hwsim::to_hex(hwsim::md5(big)));
  reply = host.call(0xD2, le32_bytes({0x30000, 5000, 0x1000, 64}));
  ASSERT_EQ(reply->status(kStubStatus, 0), 0);
  Bytes back;
  while (back.size() < 5000) {
    const auto packet = host.read_frame();
    ASSERT_TRUE(packet);
    back.insert(back.end(), packet->begin(), packet->end());
    host.send(le32_bytes({static_cast<uint32_t>(back.size())}));
  }
  ASSERT_TRUE(host.read_frame());  // digest
  EXPECT_EQ(back, Bytes(big.begin(), big.begin() + 5000));
}

INSTANTIATE_TEST_SUITE_P(Chips, EveryChip,
                         ::testing::ValuesIn(hwsim::all_chips().begin(), hwsim::all_chips().end()),
                         chip_name);

}  // namespace
