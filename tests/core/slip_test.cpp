#include <gtest/gtest.h>

#include <variant>

#include "core/proto/slip.h"

namespace {

using esptool::Bytes;
using esptool::proto::SlipDecoder;
using esptool::proto::SlipFrame;

std::vector<esptool::proto::SlipEvent> feed(SlipDecoder& d, const Bytes& bytes) {
  std::vector<esptool::proto::SlipEvent> events;
  for (uint8_t b : bytes)
    if (auto e = d.push(b)) events.push_back(*e);
  return events;
}

TEST(SlipEncode, EscapesEndAndEscapeBytes) {
  EXPECT_EQ(esptool::proto::slip_encode(Bytes{0x01, 0xC0, 0xDB, 0x02}),
            (Bytes{0xC0, 0x01, 0xDB, 0xDC, 0xDB, 0xDD, 0x02, 0xC0}));
}

TEST(SlipDecoder, RoundTripsEveryByteValue) {
  Bytes payload(256);
  for (int i = 0; i < 256; ++i) payload[i] = uint8_t(i);
  SlipDecoder d;
  auto events = feed(d, esptool::proto::slip_encode(payload));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<SlipFrame>(events[0]).payload, payload);
}

TEST(SlipDecoder, FrameSplitAcrossChunksIsReassembled) {
  const Bytes wire = esptool::proto::slip_encode(Bytes{0xC0, 0x10, 0xDB});
  SlipDecoder d;
  size_t frames = 0;
  for (uint8_t b : wire) {
    auto e = d.push(b);
    if (e && std::holds_alternative<SlipFrame>(*e)) ++frames;
  }
  EXPECT_EQ(frames, 1u);
}

TEST(SlipDecoder, BytesOutsideFramesAreStrayNotLost) {
  SlipDecoder d;
  auto events = feed(d, Bytes{'O', 'K', 0xC0, 0x05, 0xC0});
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(std::get<esptool::proto::SlipStray>(events[0]).byte, 'O');
  EXPECT_EQ(std::get<SlipFrame>(events[2]).payload, Bytes{0x05});
}

TEST(SlipDecoder, DoubleEndDelimiterStartsANewFrameWithoutEmittingAnEmptyOne) {
  SlipDecoder d;
  auto events = feed(d, Bytes{0xC0, 0xC0, 0x07, 0xC0});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<SlipFrame>(events[0]).payload, Bytes{0x07});
}

TEST(SlipDecoder, InvalidEscapeDiscardsTheFrameAndRecovers) {
  SlipDecoder d;
  auto events = feed(d, Bytes{0xC0, 0x01, 0xDB, 0x99, 0xC0, 0x02, 0xC0});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(std::get<esptool::proto::SlipBadEscape>(events[0]).byte, 0x99);
  EXPECT_EQ(std::get<SlipFrame>(events[1]).payload, Bytes{0x02});
}

}  // namespace
