// UF2 writer. Expected sizes and SHA-256 values come from esptool v4.8.1's own UF2Writer
// (esptool/uf2_writer.py, imported from an extracted v4.8.1 tree with Debian's python3) fed the
// same data: pattern(n, seed)[k] = seed*31 + k*7.
#include "core/image/uf2.h"

#include <gtest/gtest.h>

#include "tests/support/ref_sha256.h"

namespace esptool::image {
namespace {

constexpr uint32_t kEsp32Family = 0x1C5F21B0;  // chips.md §1
constexpr uint32_t kEsp32C3Family = 0xD42BA06C;

Uf2Options options(uint32_t family, std::optional<uint32_t> chunk = std::nullopt, bool md5 = true) {
  Uf2Options o;
  o.family_id = family;
  o.chunk_size = chunk;
  o.md5 = md5;
  return o;
}

Bytes pattern(size_t n, unsigned seed) {
  Bytes b(n);
  for (size_t k = 0; k < n; ++k) b[k] = uint8_t(seed * 31 + k * 7);
  return b;
}

Bytes uf2(const Uf2Options& opts, const std::vector<std::pair<uint32_t, Bytes>>& files) {
  Bytes out;
  for (const auto& [address, data] : files) {
    Status s = uf2_append_file(out, address, data, opts);
    EXPECT_TRUE(s.ok()) << s.error().message();
  }
  return out;
}

TEST(Uf2, DefaultChunkIs452BytesWithAnMd5TrailerPerBlock) {
  const Bytes out = uf2(options(kEsp32Family), {{0x10000, pattern(1000, 1)}});
  ASSERT_EQ(out.size(), 1536u);
  EXPECT_EQ(testing::ref_sha256_hex(out),
            "18a58da2c010ae6c3ebdd5f409ff203de4ce3e314ac75402d241188226ddf8cd");
  // Second block: address advanced by one chunk, block 1 of 3, MD5 part right after the data.
  const uint8_t* b1 = out.data() + 512;
  EXPECT_EQ(read_le32(b1 + 8), 0x00006000u);
  EXPECT_EQ(read_le32(b1 + 12), 0x10000u + 452);
  EXPECT_EQ(read_le32(b1 + 16), 452u);
  EXPECT_EQ(read_le32(b1 + 20), 1u);
  EXPECT_EQ(read_le32(b1 + 24), 3u);
  EXPECT_EQ(read_le32(b1 + 28), kEsp32Family);
  EXPECT_EQ(read_le32(b1 + 32 + 452), 0x10000u + 452);
  EXPECT_EQ(read_le32(b1 + 508), 0x0AB16F30u);
}

TEST(Uf2, Md5DisabledUsesAll476BytesAndOnlyTheFamilyFlag) {
  const Bytes out = uf2(options(kEsp32Family, std::nullopt, false), {{0x10000, pattern(1000, 1)}});
  ASSERT_EQ(out.size(), 1536u);
  EXPECT_EQ(read_le32(out.data() + 8), 0x00002000u);
  EXPECT_EQ(read_le32(out.data() + 16), 476u);
  EXPECT_EQ(testing::ref_sha256_hex(out),
            "0d58da3903431aa12bb55e66bdfff6785cd31fceeb90a4684747f7bbeb0bd556");
}

TEST(Uf2, SmallerChunksAreZeroPaddedAfterTheMd5Part) {
  const Bytes out = uf2(options(kEsp32C3Family, 256), {{0x0, pattern(1000, 2)}});
  ASSERT_EQ(out.size(), 2048u);
  EXPECT_EQ(testing::ref_sha256_hex(out),
            "86c55ed9820a38f8f7c77c628c99a2a0ae54d3ea68b36a7b139abb765fc64868");
}

TEST(Uf2, BlockNumbersRestartForEachFile) {
  const Bytes out =
      uf2(options(kEsp32Family), {{0x1000, pattern(452, 3)}, {0x8000, pattern(453, 4)}});
  ASSERT_EQ(out.size(), 1536u);
  EXPECT_EQ(read_le32(out.data() + 20), 0u);
  EXPECT_EQ(read_le32(out.data() + 24), 1u);
  EXPECT_EQ(read_le32(out.data() + 512 + 20), 0u);
  EXPECT_EQ(read_le32(out.data() + 512 + 24), 2u);
  EXPECT_EQ(read_le32(out.data() + 1024 + 12), 0x8000u + 452);
  EXPECT_EQ(testing::ref_sha256_hex(out),
            "7549f28b9edeeaef859a136bd14bcf4b9ea4f20178ab4e5df72d89cf11d7d2c2");
}

TEST(Uf2, EmptyFileAddsNoBlock) { EXPECT_TRUE(uf2(options(kEsp32Family), {{0x1000, {}}}).empty()); }

TEST(Uf2, ChunkSizeMustBeAlignedAndFitTheBlock) {
  auto unaligned = uf2_chunk_size(options(0, 255));
  ASSERT_FALSE(unaligned.ok());
  EXPECT_EQ(unaligned.error().message(), "Chunk size should be a 4-byte aligned number");
  EXPECT_FALSE(uf2_chunk_size(options(0, 0)).ok());
  EXPECT_FALSE(uf2_chunk_size(options(0, 456)).ok());
  EXPECT_EQ(uf2_chunk_size(options(0, 476, false)).value(), 476u);
  EXPECT_FALSE(uf2_chunk_size(options(0, 480, false)).ok());
  EXPECT_EQ(uf2_chunk_size(options(0)).value(), 452u);
  EXPECT_EQ(uf2_chunk_size(options(0, std::nullopt, false)).value(), 476u);
}

TEST(Uf2, FileRunningPast4GiBIsRefused) {
  Bytes out;
  EXPECT_FALSE(uf2_append_file(out, 0xFFFFFF00, pattern(0x200, 1), options(0)).ok());
}

}  // namespace
}  // namespace esptool::image
