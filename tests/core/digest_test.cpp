#include <gtest/gtest.h>

#include <string>

#include "core/util/md5.h"
#include "core/util/sha256.h"

using esptool::Bytes;
using esptool::to_hex;

namespace {
Bytes bytes_of(const std::string& s) { return Bytes(s.begin(), s.end()); }
}  // namespace

// Expected values: FIPS 180-4 / RFC 1321 test vectors and `sha256sum`/`md5sum` output.
TEST(Sha256, KnownVectorsMatch) {
  EXPECT_EQ(to_hex(esptool::util::sha256(bytes_of(""))),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(to_hex(esptool::util::sha256(bytes_of("abc"))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(to_hex(esptool::util::sha256(
                bytes_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, StreamingInOddChunksEqualsOneShot) {
  Bytes data(1000);
  for (size_t i = 0; i < data.size(); ++i) data[i] = uint8_t(i * 7 + 3);
  esptool::util::Sha256 s;
  for (size_t i = 0; i < data.size(); i += 37)
    s.update(std::span<const uint8_t>(data.data() + i, std::min<size_t>(37, data.size() - i)));
  EXPECT_EQ(s.finish(), esptool::util::sha256(data));
}

TEST(Md5, KnownVectorsMatch) {
  EXPECT_EQ(to_hex(esptool::util::md5(bytes_of(""))), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(to_hex(esptool::util::md5(bytes_of("abc"))), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(to_hex(esptool::util::md5(bytes_of(
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890"))),
            "57edf4a22be3c955ac49da2e2107b67a");
}
