// Stub JSON parsing on hand-made documents (the real stubs come from the esptool-js package at
// build time and are exercised by the device tests).
#include <gtest/gtest.h>

#include "core/stub/stub_json.h"
#include "core/util/base64.h"

namespace {

TEST(Base64, DecodesWithAndWithoutPadding) {
  EXPECT_EQ(esptool::util::base64_decode("AQID").value(), (esptool::Bytes{1, 2, 3}));
  EXPECT_EQ(esptool::util::base64_decode("AQI=").value(), (esptool::Bytes{1, 2}));
  EXPECT_EQ(esptool::util::base64_decode("AQ==").value(), (esptool::Bytes{1}));
  EXPECT_FALSE(esptool::util::base64_decode("A?==").ok());
  EXPECT_FALSE(esptool::util::base64_decode("A").ok());
}

TEST(StubJson, ReadsEveryField) {
  auto s = esptool::stub::parse_stub_json(
      R"({"entry": 1074521580, "text": "AAECAw==", "text_start": 1074520064,
          "data": "BAUGBw==", "data_start": 1073605544, "bss_start": 1073528832})");
  ASSERT_TRUE(s.ok()) << s.error().message();
  EXPECT_EQ(s->entry, 0x400BE5ECu);
  EXPECT_EQ(s->text, (esptool::Bytes{0, 1, 2, 3}));
  EXPECT_EQ(*s->data_start, 0x3FFDEBA8u);
  EXPECT_TRUE(s->overlaps(0x400BE000, 4));
  EXPECT_TRUE(s->overlaps(0x3FFCC000, 0x100));  // bss..data end is the stub's RAM
  EXPECT_FALSE(s->overlaps(0x40080000, 0x100));
}

TEST(StubJson, DataIsOptional) {
  auto s = esptool::stub::parse_stub_json(R"({"entry": 4, "text": "AAAAAA==", "text_start": 0})");
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->data_start.has_value());
}

TEST(StubJson, BrokenDocumentsAreOneLineErrors) {
  for (const char* bad : {"", "[]", "{", R"({"text": "AA==", "text_start": 0})",
                          R"({"entry": -1, "text": "AA==", "text_start": 0})",
                          R"({"entry": 1, "text": 5, "text_start": 0})",
                          R"({"entry": 1, "text": "AA==", "text_start": 0, "data": "AA=="})"}) {
    auto s = esptool::stub::parse_stub_json(bad);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.error().name(), "invalid_json");
  }
}

}  // namespace
