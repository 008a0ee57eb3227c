// The converted stub form (core/stub/stub_binary.h): what the build writes from esptool-js's JSON
// decodes to the same StubImage, and a damaged or foreign file is refused with invalid_stub.
#include <gtest/gtest.h>

#include "core/base/bytes.h"
#include "core/stub/stub_binary.h"

namespace {

using esptool::Bytes;
using esptool::stub::decode_stub_binary;
using esptool::stub::encode_stub_binary;
using esptool::stub::StubImage;

StubImage sample(bool with_data, bool with_bss) {
  StubImage s;
  s.entry = 0x4009F628;
  s.text_start = 0x400BE000;
  s.text = Bytes{0x36, 0x41, 0x00, 0x1d, 0xf0, 0x00, 0x00, 0x00};
  if (with_data) {
    s.data_start = 0x3FFEBA00;
    s.data = Bytes{1, 2, 3, 4};
  }
  if (with_bss) s.bss_start = 0x3FFE9000;
  return s;
}

void expect_same(const StubImage& a, const StubImage& b) {
  EXPECT_EQ(a.entry, b.entry);
  EXPECT_EQ(a.text_start, b.text_start);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.data_start, b.data_start);
  EXPECT_EQ(a.data, b.data);
  EXPECT_EQ(a.bss_start, b.bss_start);
}

TEST(StubBinary, RoundTripsWithAndWithoutOptionalParts) {
  for (bool data : {false, true}) {
    for (bool bss : {false, true}) {
      const StubImage s = sample(data, bss);
      const Bytes file = encode_stub_binary(s);
      EXPECT_EQ(file.size(), 32 + s.text.size() + s.data.size());
      auto back = decode_stub_binary(file);
      ASSERT_TRUE(back.ok()) << back.error().message();
      expect_same(back.value(), s);
    }
  }
}

TEST(StubBinary, RefusesForeignTruncatedAndPaddedFiles) {
  const Bytes good = encode_stub_binary(sample(true, true));
  const std::string json = R"({"entry": 1, "text": "AAAA"})";
  auto foreign = decode_stub_binary(Bytes(json.begin(), json.end()));
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().name(), "invalid_stub");
  EXPECT_NE(foreign.error().message().find("no ESTB header"), std::string::npos);

  for (size_t cut : {size_t(0), size_t(31), good.size() - 1}) {
    auto truncated = decode_stub_binary(std::span(good).first(cut));
    EXPECT_FALSE(truncated.ok()) << cut;
  }
  Bytes padded = good;
  padded.push_back(0);
  EXPECT_FALSE(decode_stub_binary(padded).ok());

  Bytes other_version = good;
  other_version[4] = 2;
  auto v2 = decode_stub_binary(other_version);
  ASSERT_FALSE(v2.ok());
  EXPECT_NE(v2.error().message().find("version 2"), std::string::npos);
}

TEST(StubBinary, RefusesAnEmptyTextAndDataWithoutAnAddress) {
  StubImage empty = sample(false, false);
  empty.text.clear();
  EXPECT_FALSE(decode_stub_binary(encode_stub_binary(empty)).ok());

  Bytes no_address = encode_stub_binary(sample(true, false));
  no_address[5] = 0;  // flags: no data section, yet 4 data bytes follow
  EXPECT_FALSE(decode_stub_binary(no_address).ok());
}

TEST(StubBinary, NamesTheConvertedFileAfterEsptoolJs) {
  EXPECT_EQ(esptool::stub::stub_binary_name("stub_flasher_32c3.json"), "stub_flasher_32c3.bin");
  EXPECT_EQ(esptool::stub::stub_binary_name("stub_flasher_8266.json"), "stub_flasher_8266.bin");
}

}  // namespace

TEST(StubFiles, NamesAreKeysAndOrderIsKept) {
  esptool::stub::StubFiles files;
  EXPECT_TRUE(files.empty());
  files["stub_flasher_32.bin"] = {1, 2};
  files["stub_flasher_32c3.bin"] = {3};
  files["stub_flasher_32.bin"] = {4};  // replaces, does not add
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files.begin()->first, "stub_flasher_32.bin");
  ASSERT_NE(files.find("stub_flasher_32.bin"), nullptr);
  EXPECT_EQ(*files.find("stub_flasher_32.bin"), esptool::Bytes({4}));
  EXPECT_EQ(*files.find("stub_flasher_32c3.bin"), esptool::Bytes({3}));
  EXPECT_EQ(files.find("stub_flasher_32s3.bin"), nullptr);
}
