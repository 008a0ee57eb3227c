// ops::fallback_baud: the rate ladder and which failures count as a failed link.
#include "core/ops/baud_fallback.h"

#include <gtest/gtest.h>

namespace esptool::ops {
namespace {

TEST(BaudFallback, StepsDownTheLadderOnLinkFailures) {
  EXPECT_EQ(fallback_baud(2000000, Errc::kTimeout), 1500000u);
  EXPECT_EQ(fallback_baud(1500000, Errc::kBadFrame), 921600u);
  EXPECT_EQ(fallback_baud(921600, Errc::kUnexpectedReply), 460800u);
  EXPECT_EQ(fallback_baud(460800, Errc::kTimeout), 230400u);
  EXPECT_EQ(fallback_baud(230400, Errc::kTimeout), 115200u);
  EXPECT_EQ(fallback_baud(115200, Errc::kTimeout), 0u) << "nothing below the ROM's rate";
  EXPECT_EQ(fallback_baud(1000000, Errc::kTimeout), 921600u) << "an unlisted rate: the next below";
}

TEST(BaudFallback, AnswersFromTheChipAreNotLinkFailures) {
  EXPECT_EQ(fallback_baud(921600, Errc::kDigestMismatch), 0u);
  EXPECT_EQ(fallback_baud(921600, Errc::kCancelled), 0u);
  EXPECT_EQ(fallback_baud(921600, Errc::kPortLost), 0u);
  EXPECT_EQ(fallback_baud(921600, static_cast<Errc>(0x0105)), 0u);
}

}  // namespace
}  // namespace esptool::ops
