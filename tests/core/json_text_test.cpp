// The JSON text codec that replaces Embind at the C ABI: what JsonWriter builds parses back to
// the same values in the same member order; strings escape and unescape both ways (surrogate
// pairs become 4-byte UTF-8, bytes >= 0x80 pass through); integers up to 2^53 print exactly,
// other doubles to a millionth, and the shortest forms JS prints read back within a few ulp;
// lookups of absent members give null; and malformed or too deeply
// nested text is rejected with a reason and the byte offset.
#include "core/util/json_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

namespace {

using esptool::util::JsonValue;
using esptool::util::JsonWriter;
using esptool::util::parse_json;

JsonValue parse_ok(std::string_view text) {
  std::string error;
  auto value = parse_json(text, &error);
  EXPECT_TRUE(value.has_value()) << text << ": " << error;
  return value ? *value : JsonValue::null();
}

std::string parse_error(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parse_json(text, &error).has_value()) << text;
  return error;
}

TEST(JsonText, NestedObjectsAndArraysRoundTripThroughTheWriter) {
  JsonWriter w;
  w.begin_object().key("chip").value("ESP32-S3").key("regions").begin_array();
  w.begin_object().key("offset").value(0x10000).key("data").begin_array().end_array();
  w.end_object().begin_object().end_object().end_array();
  w.key("stub").value(true).key("reason").null().key("ratio").value(0.25).end_object();
  EXPECT_EQ(w.text(), R"({"chip":"ESP32-S3","regions":[{"offset":65536,"data":[]},{}],"stub":true,)"
                      R"("reason":null,"ratio":0.25})");

  const JsonValue v = parse_ok(w.text());
  ASSERT_TRUE(v.is_object());
  EXPECT_EQ(v["chip"].as_string(), "ESP32-S3");
  ASSERT_EQ(v["regions"].size(), 2u);
  EXPECT_EQ(v["regions"][0]["offset"].as_number(), 65536);
  EXPECT_TRUE(v["regions"][0]["data"].is_array());
  EXPECT_EQ(v["regions"][0]["data"].size(), 0u);
  EXPECT_TRUE(v["regions"][1].is_object());
  EXPECT_TRUE(v["stub"].as_bool());
  EXPECT_TRUE(v["reason"].is_null());
  EXPECT_EQ(v["ratio"].as_number(), 0.25);
}

TEST(JsonText, MembersKeepTextOrderAndTheFirstDuplicateWins) {
  const JsonValue v = parse_ok(R"( { "z" : 1, "a" : [true, false], "m" : "x", "a" : 3 } )");
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v.key(0), "z");
  EXPECT_EQ(v.key(1), "a");
  EXPECT_EQ(v.key(2), "m");
  EXPECT_EQ(v.key(3), "a");
  EXPECT_EQ(v.key(4), "");
  EXPECT_EQ(v[2].as_string(), "x");  // by index: the member's value
  EXPECT_TRUE(v["a"].is_array());
  EXPECT_FALSE(v["a"][1].as_bool());
}

TEST(JsonText, WriterEscapesQuotesBackslashesAndControlCharacters) {
  const std::string raw("q\"b\\n\nr\rt\tb\bf\f\x01\x1f/\0end", 21);
  JsonWriter w;
  w.value(raw);
  EXPECT_EQ(w.text(), R"("q\"b\\n\nr\rt\tb\bf\f\u0001\u001f/\u0000end")");
  EXPECT_EQ(parse_ok(w.text()).as_string(), raw);
}

TEST(JsonText, ParserDecodesEveryEscapeIncludingSurrogatePairs) {
  EXPECT_EQ(parse_ok(R"("\"\\\/\b\f\n\r\t")").as_string(), "\"\\/\b\f\n\r\t");
  EXPECT_EQ(parse_ok(R"("caf\u00e9 \u00E9")").as_string(), "caf\xC3\xA9 \xC3\xA9");
  EXPECT_EQ(parse_ok(R"("\u20ac")").as_string(), "\xE2\x82\xAC");
  EXPECT_EQ(parse_ok(R"("\ud83d\ude00")").as_string(), "\xF0\x9F\x98\x80");  // U+1F600
  // A lone surrogate (JSON.stringify can emit one) decodes to U+FFFD, as TextEncoder does.
  EXPECT_EQ(parse_ok(R"("\ud800x\udc00")").as_string(),
            "\xEF\xBF\xBD"
            "x\xEF\xBF\xBD");
}

TEST(JsonText, BytesFromEightyHexUpPassThroughTheWriterUnchanged) {
  const std::string utf8 = "h\xC3\xA9llo \xF0\x9F\x98\x80 \xFF\x80";
  JsonWriter w;
  w.begin_object().key(utf8).value(utf8).end_object();
  EXPECT_EQ(w.text(), "{\"" + utf8 + "\":\"" + utf8 + "\"}");
  EXPECT_EQ(parse_ok(w.text())[utf8].as_string(), utf8);
}

TEST(JsonText, IntegersUpToTwoToTheFiftyThreePrintExactly) {
  JsonWriter w;
  w.begin_array().value(9007199254740992.0).value(-9007199254740992.0).value(uint32_t{4294967295});
  w.value(4294967295.0).value(-1).value(0.0).value(-0.0).value(int64_t{-9223372036854775807 - 1});
  w.end_array();
  EXPECT_EQ(w.text(),
            "[9007199254740992,-9007199254740992,4294967295,4294967295,-1,0,0,"
            "-9223372036854775808]");
  const JsonValue v = parse_ok(w.text());
  EXPECT_EQ(v[0].as_number(), 9007199254740992.0);
  EXPECT_EQ(v[2].as_number(), 4294967295.0);
  EXPECT_EQ(v[4].as_number(), -1);
}

TEST(JsonText, FractionsPrintToAMillionthAndOutOfRangeOnesPrintNull) {
  JsonWriter w;
  w.begin_array().value(0.1).value(1234.5678).value(-0.5).value(1.0 / 3).value(-2.5e-7);
  w.value(123456789.0000004).value(1.6e13 + 0.5).value(1e300).value(NAN).value(-INFINITY);
  w.end_array();
  EXPECT_EQ(w.text(), "[0.1,1234.5678,-0.5,0.333333,0,123456789,16000000000001,null,null,null]");
}

TEST(JsonText, ReadsWhatJsPrintsWithinAFewUlp) {
  // JSON.stringify's shortest forms, including exponents it uses past 1e21 and below 1e-6.
  const std::pair<const char*, double> samples[] = {
      {"0.1", 0.1},
      {"0.30000000000000004", 0.1 + 0.2},
      {"0.3333333333333333", 1.0 / 3},
      {"-2.5e-7", -2.5e-7},
      {"123456.789", 123456.789},
      {"1234567.891234", 1234567.891234},
      {"1e+300", 1e300},
      {"1.5e+100", 1.5e100},
      {"9007199254740994", 9007199254740994.0},
      {"-1.25E+2", -125},
      {"0e0", 0},
  };
  for (const auto& [text, expected] : samples) {
    EXPECT_DOUBLE_EQ(parse_ok(text).as_number(), expected) << text;
  }
  EXPECT_EQ(parse_ok("4294967295").as_number(), 4294967295.0);  // integers are exact
}

TEST(JsonText, AbsentMembersReadAsNullAndEmpty) {
  const JsonValue v = parse_ok(R"({"name":"esp","none":null,"n":5})");
  EXPECT_TRUE(v["missing"].is_null());
  EXPECT_EQ(v["missing"].as_string(), "");
  EXPECT_EQ(v["missing"].as_number(), 0);
  EXPECT_FALSE(v["missing"].as_bool());
  EXPECT_TRUE(v["missing"]["deeper"][3].is_null());
  EXPECT_FALSE(v.has("missing"));
  EXPECT_FALSE(v.has("none"));  // present, but null
  EXPECT_TRUE(v.has("n"));
  EXPECT_EQ(v["n"].as_string(), "");  // another type gives the fallback, not a conversion
  EXPECT_TRUE(v["n"]["x"].is_null());
  EXPECT_TRUE(v[7].is_null());
}

TEST(JsonText, MalformedTextIsRejectedWithTheReasonAndOffset) {
  EXPECT_EQ(parse_error(""), "unexpected end at 0");
  EXPECT_EQ(parse_error(R"({"a":1)"), "unexpected end at 6");
  EXPECT_EQ(parse_error("[1,2"), "unexpected end at 4");
  EXPECT_EQ(parse_error(R"("abc)"), "unterminated string at 0");
  EXPECT_EQ(parse_error(R"([1] x)"), "trailing characters at 4");
  EXPECT_EQ(parse_error(R"({"a" 1})"), "expected ':' at 5");
  EXPECT_EQ(parse_error(R"({1:2})"), "expected a string key at 1");
  EXPECT_EQ(parse_error(R"([1 2])"), "expected ',' or ']' at 3");
  EXPECT_EQ(parse_error("[1,]"), "unexpected character at 3");
  EXPECT_EQ(parse_error(R"("a\qb")"), "bad escape at 2");
  EXPECT_EQ(parse_error(R"("\u12G4")"), "bad \\u escape at 5");
  EXPECT_EQ(parse_error("\"a\tb\""), "control character in string at 2");
  EXPECT_EQ(parse_error("tru"), "unexpected character at 0");
  EXPECT_EQ(parse_error("1.e5"), "bad number at 2");
  EXPECT_EQ(parse_error("-"), "unexpected end at 1");
  EXPECT_EQ(parse_error("01"), "trailing characters at 1");  // leading zeros are rejected
  EXPECT_FALSE(parse_json("{]"));                            // error is optional
}

TEST(JsonText, NestingStopsAtSixtyFourLevels) {
  const std::string deepest = std::string(64, '[') + std::string(64, ']');
  EXPECT_TRUE(parse_ok(deepest).is_array());
  EXPECT_EQ(parse_error(std::string(65, '[') + std::string(65, ']')),
            "nesting deeper than 64 at 64");
  EXPECT_EQ(parse_error(std::string(100000, '[')), "nesting deeper than 64 at 64");
}

TEST(JsonText, RawValuesGetCommasAndTakeEmptiesTheWriter) {
  JsonWriter w;
  w.begin_array().raw(R"({"x":1})").value(2).raw("[]").end_array();
  EXPECT_EQ(w.take(), R"([{"x":1},2,[]])");
  EXPECT_EQ(w.text(), "");
  w.value("again");
  EXPECT_EQ(w.take(), R"("again")");
}

TEST(JsonText, BuildersMakeTheValuesTheParserWould) {
  JsonValue v = JsonValue::object();
  JsonValue list = JsonValue::array();
  list.push(JsonValue::number(1));
  list.push(JsonValue::string("two"));
  v.set("list", std::move(list));
  v.set("flag", JsonValue::boolean(true));
  EXPECT_EQ(v["list"][1].as_string(), "two");
  EXPECT_EQ(v["list"].type(), JsonValue::Type::kArray);
  EXPECT_TRUE(v["flag"].as_bool());
  EXPECT_EQ(v.key(1), "flag");
}

}  // namespace
