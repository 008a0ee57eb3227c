// StubFlashWriter timing: the legacy stub starts its erases and does not wait for them
// (stub_write_flash.c start_next_erase), so a block that only starts an erase is done long before
// the erase is; the program that needs the erased sectors waits for it.
#include "hw-sim/loader/stub_flash_writer.h"

#include <gtest/gtest.h>

#include "tests/sim/support/sim_host.h"

namespace {

using hwsim::Bytes;
using hwsim::NorFlash;
using hwsim::StubFlashWriter;

constexpr uint32_t k4MB = 4 * 1024 * 1024;
constexpr uint32_t kOffset = 0x10000;

// Bytes zlib cannot shrink much, so each 16 KiB block inflates to about 16 KiB.
Bytes noise(size_t size, uint32_t seed) {
  Bytes b(size);
  for (auto& x : b) {
    seed = seed * 1664525u + 1013904223u;
    x = uint8_t(seed >> 24);
  }
  return b;
}

TEST(StubFlashWriter, AFirstBlockStartsTheBlockEraseAndReturnsBeforeItEnds) {
  NorFlash flash(k4MB);
  StubFlashWriter writer(flash);
  const Bytes data = noise(0x20000, 1);
  const Bytes z = simtest::zlib_compress(data);
  writer.begin_deflate(uint32_t(data.size()), uint32_t(z.size()), kOffset);
  // The first 16 KiB of compressed input fill less than the 32 KiB output buffer: nothing is
  // programmed yet, the 64 KiB erase it started runs on.
  const hwsim::Millis done = writer.write_deflated(std::span(z).first(0x4000), 0.0);
  EXPECT_LT(done, 20.0) << "the block waited for its 150 ms block erase";
  EXPECT_TRUE(flash.is_busy(done));
  EXPECT_GE(flash.busy_until(), 150.0);
}

TEST(StubFlashWriter, TheProgramWaitsForTheEraseAndTheDataLands) {
  NorFlash flash(k4MB);
  StubFlashWriter writer(flash);
  const Bytes data = noise(0x20000, 2);
  const Bytes z = simtest::zlib_compress(data);
  writer.begin_deflate(uint32_t(data.size()), uint32_t(z.size()), kOffset);
  hwsim::Millis t = 0;
  for (size_t at = 0; at < z.size(); at += 0x4000) {
    t = writer.write_deflated(std::span(z).subspan(at, std::min<size_t>(0x4000, z.size() - at)), t);
  }
  EXPECT_EQ(writer.end(), hwsim::stub_error::kOk);
  EXPECT_EQ(flash.read(kOffset, uint32_t(data.size())), data);
  // Two 64 KiB erases (150 ms each) and 512 pages (0.4 ms each) cannot overlap each other.
  EXPECT_GE(t, 2 * 150.0 + 512 * 0.4);
}

}  // namespace
