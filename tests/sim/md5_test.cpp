// hw-sim's own MD5 against the RFC 1321 appendix test suite.
#include "hw-sim/util/md5.h"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string md5_hex(const std::string& text) {
  return hwsim::to_hex(hwsim::md5(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size())));
}

TEST(Md5, MatchesRfc1321TestSuite) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("a"), "0cc175b9c0f1b6a831c399e269772661");
  EXPECT_EQ(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(md5_hex("message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(md5_hex("abcdefghijklmnopqrstuvwxyz"), "c3fcd3d76192e4007dfb496cca67e13b");
  EXPECT_EQ(
      md5_hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
      "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(Md5, IncrementalUpdatesEqualOneShot) {
  std::string data(10000, 'x');
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 31);
  hwsim::Md5 ctx;
  const auto* bytes = reinterpret_cast<const uint8_t*>(data.data());
  for (size_t pos = 0, step = 1; pos < data.size(); pos += step, step = step * 2 % 97 + 1) {
    ctx.update(std::span<const uint8_t>(bytes + pos, std::min(step, data.size() - pos)));
  }
  EXPECT_EQ(hwsim::to_hex(ctx.finish()), md5_hex(data));
}

}  // namespace
