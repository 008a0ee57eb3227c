// Report facts: kinds stay apart, the first-set order is kept, counters count, and a fact of
// another kind (or none) gives the fallback instead of a wrong value.
#include "core/engine/facts.h"

#include <gtest/gtest.h>

namespace {

using esptool::engine::Facts;

TEST(Facts, KeepsEachKindAndTheOrderFirstSet) {
  Facts f;
  f.set_text("chip", "ESP32");
  f.set_number("flash_id", 0x1640ef);
  f.set_flag("secure_download_mode", true);
  f.set_list("features", {"WiFi", "BT"});
  f.set_text("chip", "ESP32-S3");  // replaced in place
  ASSERT_EQ(f.entries().size(), 4u);
  EXPECT_EQ(f.entries()[0].first, "chip");
  EXPECT_EQ(f.entries()[3].first, "features");
  EXPECT_EQ(f.text("chip"), "ESP32-S3");
  EXPECT_EQ(f.number("flash_id"), 0x1640ef);
  EXPECT_TRUE(f.flag("secure_download_mode"));
  EXPECT_EQ(f.list("features"), (Facts::List{"WiFi", "BT"}));
}

TEST(Facts, AnotherKindOrNoneGivesTheFallback) {
  Facts f;
  f.set_text("mac", "24:0a:c4:12:34:56");
  EXPECT_EQ(f.number("mac", -1), -1);
  EXPECT_FALSE(f.flag("mac"));
  EXPECT_TRUE(f.list("mac").empty());
  EXPECT_EQ(f.text("chip", "none"), "none");
  EXPECT_FALSE(f.contains("chip"));
  EXPECT_EQ(f.entries().size(), 1u);
}

TEST(Facts, CountsFromZero) {
  Facts f;
  EXPECT_EQ(f.count("line_errors_recovered"), 1);
  EXPECT_EQ(f.count("line_errors_recovered"), 2);
  EXPECT_EQ(f.number("line_errors_recovered"), 2);
}

}  // namespace
