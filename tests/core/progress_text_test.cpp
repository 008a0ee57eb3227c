// core/cli ProgressText: esptool.py's non-TTY progress lines from engine Progress events.
#include "core/cli/progress_text.h"

#include <gtest/gtest.h>

namespace esptool::cli {
namespace {

using engine::Progress;

TEST(ProgressText, WriteLinesNameTheStartOfEachBlockAndThePercentDone) {
  ProgressText t;
  EXPECT_EQ(t.line(Progress{"write", 0x4000, 0x10000, 0x10000}), "Writing at 0x00010000... (25 %)");
  EXPECT_EQ(t.line(Progress{"write", 0x8000, 0x10000, 0x10000}), "Writing at 0x00014000... (50 %)");
  EXPECT_EQ(t.line(Progress{"write", 0x10000, 0x10000, 0x10000}), "Writing at 0x00018000... (100 %)");
  // The next file starts again at its own offset.
  EXPECT_EQ(t.line(Progress{"write", 0x400, 0x800, 0x1000}), "Writing at 0x00001000... (50 %)");
}

TEST(ProgressText, ReadAndDumpUseEsptoolsCounters) {
  ProgressText t;
  EXPECT_EQ(t.line(Progress{"read", 4096, 16384, 0}), "4096 (25 %)");
  EXPECT_EQ(t.line(Progress{"dump", 1024, 4096, 0x3ff00000}), "1024 bytes read... (25 %)");
}

TEST(ProgressText, StubUploadPrintsNothing) {
  ProgressText t;
  EXPECT_EQ(t.line(Progress{"upload", 10, 100, 0}), "");
}

TEST(ProgressText, EmptyRegionIsComplete) {
  ProgressText t;
  EXPECT_EQ(t.line(Progress{"read", 0, 0, 0}), "0 (100 %)");
}

}  // namespace
}  // namespace esptool::cli
