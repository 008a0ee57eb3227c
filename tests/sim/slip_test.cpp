// hw-sim's own SLIP framing (loader/slip.*): the device side of serial-protocol.md §1.
#include "hw-sim/loader/slip.h"

#include <gtest/gtest.h>

namespace {

using hwsim::Bytes;
using hwsim::SlipReceiver;

std::vector<Bytes> push_all(SlipReceiver& rx, const Bytes& wire) {
  std::vector<Bytes> frames;
  for (uint8_t b : wire) {
    if (auto f = rx.push(b)) frames.push_back(*f);
  }
  return frames;
}

TEST(SlipFrame, EscapesEndAndEscapeBytes) {
  EXPECT_EQ(hwsim::slip_frame(Bytes{0x01, 0xC0, 0xDB, 0x02}),
            (Bytes{0xC0, 0x01, 0xDB, 0xDC, 0xDB, 0xDD, 0x02, 0xC0}));
}

TEST(SlipReceiver, DecodesAFrameAndUndoesEscapes) {
  SlipReceiver rx;
  const auto frames = push_all(rx, Bytes{0xC0, 0x01, 0xDB, 0xDC, 0xDB, 0xDD, 0xC0});
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0], (Bytes{0x01, 0xC0, 0xDB}));
}

TEST(SlipReceiver, IgnoresNoiseOutsideFrames) {
  SlipReceiver rx;
  const auto frames = push_all(rx, Bytes{'h', 'i', 0x55, 0xC0, 0x07, 0xC0, 0x42});
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0], Bytes{0x07});
}

TEST(SlipReceiver, BackToBackDelimitersOpenTheNextFrame) {
  SlipReceiver rx;
  const auto frames = push_all(rx, Bytes{0xC0, 0x01, 0xC0, 0xC0, 0x02, 0xC0});
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[1], Bytes{0x02});
}

TEST(SlipReceiver, BadEscapeDropsTheFrame) {
  SlipReceiver rx;
  const auto frames = push_all(rx, Bytes{0xC0, 0x01, 0xDB, 0x33, 0x02, 0xC0, 0xC0, 0x03, 0xC0});
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0], Bytes{0x03});
}

TEST(SlipReceiver, OverlongFrameIsCutAtTheBufferSize) {
  SlipReceiver rx(4);
  const auto frames = push_all(rx, Bytes{0xC0, 1, 2, 3, 4, 5, 6, 0xC0});
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0], (Bytes{1, 2, 3, 4}));
}

TEST(SlipReceiver, FrameSplitAcrossPushesIsReassembled) {
  SlipReceiver rx;
  EXPECT_TRUE(push_all(rx, Bytes{0xC0, 0x10, 0xDB}).empty());
  const auto frames = push_all(rx, Bytes{0xDC, 0x11, 0xC0});
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0], (Bytes{0x10, 0xC0, 0x11}));
}

}  // namespace
