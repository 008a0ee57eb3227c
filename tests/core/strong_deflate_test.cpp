// core/util strong_deflate: a zlib stream that zlib itself inflates back to the input, smaller than
// esptool's zlib -9 on firmware-like data.
#include "core/util/strong_deflate.h"

#include <gtest/gtest.h>
#include <zlib.h>

namespace esptool::util {
namespace {

Bytes firmware_like(size_t n) {
  Bytes b(n);
  uint32_t x = 12345;
  for (size_t i = 0; i < n; ++i) {
    x = x * 1103515245 + 12345;
    b[i] = (i % 64 < 40) ? uint8_t(i / 64) : uint8_t(x >> 24);  // half repetitive, half noise
  }
  return b;
}

Bytes zlib_inflate(const Bytes& z, size_t size) {
  Bytes out(size + 1);  // one spare byte: a stream that decodes to more than `size` fails the size check
  uLongf len = uLongf(out.size());
  EXPECT_EQ(uncompress(out.data(), &len, z.data(), uLong(z.size())), Z_OK);
  out.resize(len);
  return out;
}

Bytes zlib_level9(const Bytes& in) {
  uLongf len = compressBound(uLong(in.size()));
  Bytes out(len);
  EXPECT_EQ(compress2(out.data(), &len, in.data(), uLong(in.size()), 9), Z_OK);
  out.resize(len);
  return out;
}

TEST(StrongDeflate, ZlibInflatesItBackToTheInput) {
  for (const Bytes& in : {Bytes{}, Bytes(1, 0x42), Bytes(70000, 0xFF), firmware_like(1 << 20)}) {
    for (DeflateEffort effort : {DeflateEffort::kInline, DeflateEffort::kOffThread}) {
      const Bytes z = strong_deflate(in, effort);
      EXPECT_EQ(zlib_inflate(z, in.size()), in) << in.size() << " bytes";
      EXPECT_TRUE(is_zlib_stream_of(z, in));
    }
  }
}

TEST(StrongDeflate, OffTheThreadItSendsNoMoreBytes) {
  const Bytes in = firmware_like(1 << 20);
  EXPECT_LE(strong_deflate(in, DeflateEffort::kOffThread).size(), strong_deflate(in).size());
}

TEST(StrongDeflate, AStreamIsRecognisedOnlyForItsOwnInput) {
  const Bytes in = firmware_like(5000);
  Bytes other = in;
  other[1234] ^= 1;
  const Bytes z = strong_deflate(in);
  EXPECT_FALSE(is_zlib_stream_of(z, other));
  EXPECT_FALSE(is_zlib_stream_of(Bytes(z.begin(), z.end() - 1), in));  // trailer cut short
  Bytes bad_header = z;
  bad_header[1] ^= 1;  // FCHECK no longer a multiple of 31
  EXPECT_FALSE(is_zlib_stream_of(bad_header, in));
}

TEST(StrongDeflate, IncompressibleInputGrowsByNoMoreThanStoredBlocks) {
  Bytes noise(300000);
  uint32_t x = 7;
  for (auto& b : noise) b = uint8_t((x = x * 1664525 + 1013904223) >> 24);
  const Bytes z = strong_deflate(noise);
  EXPECT_EQ(zlib_inflate(z, noise.size()), noise);
  EXPECT_LE(z.size(), noise.size() + noise.size() / 1000 + 64);
}

TEST(StrongDeflate, SendsFewerBytesThanZlibLevel9OnFirmwareLikeData) {
  const Bytes in = firmware_like(1 << 20);
  const size_t ours = strong_deflate(in).size();
  const size_t zlib9 = zlib_level9(in).size();
  EXPECT_LT(ours, zlib9 * 99 / 100) << ours << " against zlib -9's " << zlib9;
}

}  // namespace
}  // namespace esptool::util
