// core/util InflateCounter: the uncompressed size behind each compressed block, as esptool
// computes it for its "Writing at 0x...." lines.
#include "core/util/inflate_count.h"

#include <gtest/gtest.h>

#include "core/util/deflate.h"

namespace esptool::util {
namespace {

TEST(InflateCounter, CountsUncompressedBytesBlockByBlockUpToTheWhole) {
  Bytes data(200000);
  for (size_t i = 0; i < data.size(); ++i) data[i] = uint8_t((i * 7) ^ (i >> 9));
  const Bytes z = deflate_all(data);
  InflateCounter counter;
  uint64_t last = 0;
  for (size_t at = 0; at < z.size(); at += 1024) {
    const size_t n = std::min<size_t>(1024, z.size() - at);
    const uint64_t now = counter.push(std::span<const uint8_t>(z.data() + at, n));
    EXPECT_GE(now, last);
    last = now;
  }
  EXPECT_EQ(last, data.size());
}

TEST(InflateCounter, CorruptInputStopsTheCountWithoutFailing) {
  const Bytes junk(100, 0x55);
  InflateCounter counter;
  EXPECT_EQ(counter.push(junk), 0u);
  EXPECT_EQ(counter.push(junk), 0u);
}

}  // namespace
}  // namespace esptool::util
