// A write's compression made ahead (ops/deflate_ahead.h): the stream is used only for exactly the
// bytes it was made from, once; anything else is compressed afresh, with the same result.
#include "core/ops/deflate_ahead.h"

#include <gtest/gtest.h>

#include "core/util/strong_deflate.h"

namespace {

using esptool::Bytes;
using esptool::engine::Session;
using esptool::ops::FlashFile;

Bytes firmware_like(size_t n, uint32_t seed) {
  Bytes b(n);
  for (size_t i = 0; i < n; ++i) b[i] = uint8_t((i * seed) >> 5 ^ (i % 97 == 0 ? 0x5A : 0));
  return b;
}

TEST(DeflateAhead, CompressesOneFilePerIdleJobAndKeepsTheStreamForItsExactBytes) {
  Session s;
  const std::vector<FlashFile> files = {{0x10000, firmware_like(4099, 7), "app.bin"},
                                        {0x200000, firmware_like(8192, 13), "data.bin"}};
  esptool::ops::deflate_ahead(s, files);
  ASSERT_NE(s.idle_job, nullptr);
  s.idle_job(s);
  EXPECT_EQ(s.deflated_ahead.size(), 1u);
  ASSERT_NE(s.idle_job, nullptr);
  s.idle_job(s);
  EXPECT_EQ(s.idle_job, nullptr);  // nothing left to do
  ASSERT_EQ(s.deflated_ahead.size(), 2u);
  // As write_one sends it with the stub: padded with 0xFF to a whole word.
  Bytes app = files[0].data;
  app.resize(4100, 0xFF);
  EXPECT_EQ(s.deflated_ahead[0].first, app);
  EXPECT_EQ(esptool::ops::deflate_for_write(s, app), esptool::util::strong_deflate(app));
  EXPECT_EQ(s.deflated_ahead.size(), 1u);  // taken out: used once
}

TEST(DeflateAhead, OtherBytesAreCompressedNowAndTheStreamStays) {
  Session s;
  const std::vector<FlashFile> files = {{0x1000, firmware_like(4096, 3), "bootloader.bin"}};
  esptool::ops::deflate_ahead(s, files);
  s.idle_job(s);
  Bytes patched = files[0].data;
  patched[3] ^= 0x20;  // the header write_flash patches for --flash_size
  EXPECT_EQ(esptool::ops::deflate_for_write(s, patched), esptool::util::strong_deflate(patched));
  EXPECT_EQ(s.deflated_ahead.size(), 1u);
  const Bytes part(files[0].data.begin(), files[0].data.begin() + 1024);  // a changed run
  EXPECT_EQ(esptool::ops::deflate_for_write(s, part), esptool::util::strong_deflate(part));
  esptool::ops::forget_deflated_ahead(s);
  EXPECT_TRUE(s.deflated_ahead.empty());
  EXPECT_EQ(s.idle_job, nullptr);
}

TEST(DeflateAhead, TheQueueKeepsItsOwnCopyOfTheFile) {
  Session s;
  {
    const std::vector<FlashFile> files = {{0x10000, firmware_like(2048, 5), "app.bin"}};
    esptool::ops::deflate_ahead(s, files);
  }  // the request is gone before the link waits
  s.idle_job(s);
  EXPECT_EQ(s.deflated_ahead.front().first, firmware_like(2048, 5));
}

// Whether a write of `data` would wait for the host's stream.
bool awaiting(const Session& s, std::span<const uint8_t> data) {
  const std::optional<size_t> index = esptool::ops::host_deflate_index(s, data);
  return index.has_value() && esptool::ops::awaiting_host_deflate(s, *index);
}

// The host compresses (DeviceRequest.host_deflates): no idle job, the inputs wait in file order,
// and a stream is taken only for exactly its own input, once.
TEST(DeflateAhead, AHostsStreamIsTakenOnlyForItsOwnInput) {
  Session s;
  const std::vector<FlashFile> files = {{0x10000, firmware_like(4099, 7), "app.bin"},
                                        {0x200000, firmware_like(8192, 13), "data.bin"}};
  esptool::ops::deflate_ahead(s, files, /*by_host=*/true);
  EXPECT_EQ(s.idle_job, nullptr);
  ASSERT_EQ(s.to_deflate.size(), 2u);
  const Bytes app = s.to_deflate[0];
  const Bytes data = s.to_deflate[1];
  EXPECT_TRUE(awaiting(s, app));
  EXPECT_TRUE(awaiting(s, data));
  EXPECT_FALSE(awaiting(s, Bytes(app.begin(), app.end() - 4)));
  // An index past the queue: refused, nothing changes.
  EXPECT_FALSE(esptool::ops::provide_deflated(s, 2, esptool::util::strong_deflate(app)));
  EXPECT_TRUE(awaiting(s, app));

  EXPECT_TRUE(esptool::ops::provide_deflated(s, 1, esptool::util::strong_deflate(data)));
  EXPECT_FALSE(esptool::ops::provide_deflated(s, 1, esptool::util::strong_deflate(data)));
  EXPECT_FALSE(awaiting(s, data));
  EXPECT_FALSE(esptool::ops::awaiting_host_deflate(s, 1));
  EXPECT_TRUE(esptool::ops::awaiting_host_deflate(s, 0));
  EXPECT_FALSE(esptool::ops::awaiting_host_deflate(s, 2));
  EXPECT_EQ(esptool::ops::host_deflate_index(s, app), std::optional<size_t>(0));
  ASSERT_EQ(s.deflated_ahead.size(), 1u);
  EXPECT_EQ(s.deflated_ahead[0].first, data);
  EXPECT_EQ(esptool::ops::deflate_for_write(s, data), esptool::util::strong_deflate(data));
  EXPECT_TRUE(s.deflated_ahead.empty());
}

// A stream of other bytes (a bug), a broken trailer or an empty stream (the host could not
// compress) is not taken, and the write stops waiting: the region is compressed here.
TEST(DeflateAhead, AWrongOrMissingStreamEndsTheWait) {
  for (int how = 0; how < 3; ++how) {
    Session s;
    const std::vector<FlashFile> files = {{0x10000, firmware_like(4099, 7), "app.bin"}};
    esptool::ops::deflate_ahead(s, files, /*by_host=*/true);
    const Bytes app = s.to_deflate[0];
    Bytes stream = how == 0   ? esptool::util::strong_deflate(firmware_like(4100, 9))
                   : how == 1 ? esptool::util::strong_deflate(app)
                              : Bytes{};
    if (how == 1) stream.back() ^= 1;
    EXPECT_FALSE(esptool::ops::provide_deflated(s, 0, stream)) << how;
    EXPECT_FALSE(awaiting(s, app)) << how;
    EXPECT_TRUE(s.deflated_ahead.empty());
    EXPECT_EQ(esptool::ops::deflate_for_write(s, app), esptool::util::strong_deflate(app));
  }
}

TEST(DeflateAhead, NothingIsTakenFromTheHostWhileTheIdleJobCompresses) {
  Session s;
  const std::vector<FlashFile> files = {{0x10000, firmware_like(4096, 3), "app.bin"}};
  esptool::ops::deflate_ahead(s, files);
  const Bytes app = s.to_deflate[0];
  EXPECT_FALSE(awaiting(s, app));  // this thread makes it
  EXPECT_FALSE(esptool::ops::provide_deflated(s, 0, esptool::util::strong_deflate(app)));
  EXPECT_TRUE(s.deflated_ahead.empty());
}

}  // namespace
