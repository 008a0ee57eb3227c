#include <gtest/gtest.h>

#include "core/util/deflate.h"

#include <zlib.h>

#include <cstdlib>

namespace {

using esptool::Bytes;

Bytes firmware_like(size_t n) {
  Bytes b(n);
  uint32_t x = 12345;
  for (size_t i = 0; i < n; ++i) {
    x = x * 1103515245 + 12345;
    b[i] = (i % 64 < 40) ? uint8_t(i / 64) : uint8_t(x >> 24);  // half repetitive, half noise
  }
  return b;
}

TEST(StreamingDeflate, SameBytesAsOneShotCompressionAtLevel9) {
  const Bytes data = firmware_like(300000);
  esptool::util::StreamingDeflate d;
  for (size_t at = 0; at < data.size(); at += 7777)
    d.push(std::span<const uint8_t>(data.data() + at, std::min<size_t>(7777, data.size() - at)));
  d.finish();
  const Bytes streamed = d.take();
  EXPECT_EQ(streamed, esptool::util::deflate_all(data));
  EXPECT_EQ(esptool::util::inflate_all(streamed, data.size()), data);
  EXPECT_LE(streamed.size(), esptool::util::StreamingDeflate::bound(data.size()));
}

TEST(StreamingDeflate, OutputIsAvailableBeforeTheInputEnds) {
  const Bytes data = firmware_like(4 << 20);
  esptool::util::StreamingDeflate d;
  d.push(std::span<const uint8_t>(data.data(), 1 << 20));
  EXPECT_GT(d.available(), 16384u);  // a first 16 KiB block can go out already
}

// What the first `n` compressed bytes decode to, as esptool counts it (inflating what it sent).
uint64_t decoded_size(const Bytes& compressed, size_t n) {
  z_stream z{};
  EXPECT_EQ(inflateInit(&z), Z_OK);
  z.next_in = const_cast<Bytef*>(compressed.data());
  z.avail_in = uInt(n);
  Bytes scratch(1 << 16);
  int rc = Z_OK;
  do {
    z.next_out = scratch.data();
    z.avail_out = uInt(scratch.size());
    rc = inflate(&z, Z_SYNC_FLUSH);
  } while (rc == Z_OK && z.avail_out == 0);
  const uint64_t total = z.total_out;
  inflateEnd(&z);
  return total;
}

TEST(StreamingDeflate, InputBehindFollowsTheDecodedSizeWithinAWindowAndEndsAtTheWhole) {
  const Bytes data = firmware_like(1 << 20);
  esptool::util::StreamingDeflate d;
  for (size_t at = 0; at < data.size(); at += 64 * 1024)
    d.push(std::span<const uint8_t>(data.data() + at, 64 * 1024));
  d.finish();
  const Bytes out = d.take();
  uint64_t last = 0;
  for (size_t sent = 0; sent < out.size(); sent += 16384) {
    const uint64_t estimate = d.input_behind(sent);
    const uint64_t truth = decoded_size(out, sent);
    EXPECT_GE(estimate, last) << "at " << sent;
    EXPECT_LE(std::llabs(int64_t(estimate) - int64_t(truth)), 64 * 1024) << "at " << sent;
    last = estimate;
  }
  EXPECT_EQ(d.input_behind(0), 0u);
  EXPECT_EQ(d.input_behind(out.size()), data.size());
}

}  // namespace
