#include <gtest/gtest.h>

#include "core/util/deflate.h"

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

}  // namespace
