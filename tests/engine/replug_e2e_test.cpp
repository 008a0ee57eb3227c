// A cable pulled mid-write and plugged back in (issue 12), against hw-sim in virtual time: the
// driver re-acquires the port as the JS PortIo does (tests/support/sim_driver.h, Replug). Back
// within the grace period: the write reconnects, resumes from what the flash holds and ends
// verified. Not back: one error line that says which files are written and verified and which
// are not. Recovery off: the interruption ends the command at once.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "tests/engine/device_bench.h"
#include "tests/support/elf_builder.h"

namespace {

using esptool::Bytes;
using esptool::Errc;
using esptool::ops::DeviceRequest;
using esptool::testing::all_lines;
using esptool::testing::all_stubs;
using esptool::testing::DeviceBench;
using esptool::testing::has_line;
using esptool::testing::Replug;
using esptool::testing::SimRun;

constexpr uint64_t kStepCap = 5'000'000;
constexpr uint32_t kBootOffset = 0x1000;
constexpr uint32_t kAppOffset = 0x10000;
constexpr uint32_t kDataOffset = 0x200000;

struct Bench {
  explicit Bench(std::optional<uint64_t> unplug_at_host_byte, Bytes flash = {})
      : bench(options(unplug_at_host_byte, std::move(flash))) {}
  static hwsim::DeviceOptions options(std::optional<uint64_t> at, Bytes flash) {
    hwsim::DeviceOptions o = esptool::testing::bench_options("esp32");
    o.faults.disconnect_at = at;
    o.initial_flash = std::move(flash);
    return o;
  }
  DeviceBench bench;
};

// A small file, a large incompressible one (the unplug lands in it) and one after it.
struct Files {
  Bytes boot = esptool::testing::pseudo_random_bytes(8 * 1024, 5);
  Bytes app = esptool::testing::pseudo_random_bytes(512 * 1024, 6);
  Bytes data = esptool::testing::pseudo_random_bytes(16 * 1024, 7);
  Files() { boot[0] = app[0] = data[0] = 0x5A; }  // not image headers: nothing is patched
};

DeviceRequest write_request(const Files& f, bool recover) {
  DeviceRequest req;
  req.command = "write_flash";
  req.stubs = all_stubs();
  req.baud = 921600;
  req.recover = recover;
  req.files = {{kBootOffset, f.boot, "boot.bin"},
               {kAppOffset, f.app, "app.bin"},
               {kDataOffset, f.data, "data.bin"}};
  return req;
}

// Well inside app.bin: past the stub upload, boot.bin and a good part of app.bin's blocks.
constexpr uint64_t kUnplugAt = 300000;

uint32_t resumed_from(const SimRun& run) {
  for (const std::string& l : run.logs) {
    const size_t at = l.find("resuming from 0x");
    if (at != std::string::npos) return uint32_t(std::stoul(l.substr(at + 14, 10), nullptr, 16));
  }
  return 0;
}

TEST(Replug, AWritePluggedBackInWithinTheGracePeriodResumesAndEndsVerified) {
  Bench b(kUnplugAt);
  b.bench.driver.set_replug(Replug{.back_after_ms = 1000, .grace_ms = 10000});
  Files f;
  SimRun run = b.bench.run(write_request(f, true), kStepCap);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message() << "\n" << all_lines(run);
  EXPECT_EQ(b.bench.flash(kBootOffset, uint32_t(f.boot.size())), f.boot);
  EXPECT_EQ(b.bench.flash(kAppOffset, uint32_t(f.app.size())), f.app);
  EXPECT_EQ(b.bench.flash(kDataOffset, uint32_t(f.data.size())), f.data);
  bool said_why = false;
  for (const std::string& l : run.logs) {
    const bool why = l.find("Serial port went away mid-command") != std::string::npos;
    said_why = said_why || (l.rfind("Line error (", 0) == 0 && why);
  }
  EXPECT_TRUE(said_why) << all_lines(run);
  EXPECT_TRUE(has_line(run, "Connecting again after a line error...")) << all_lines(run);
  EXPECT_GT(resumed_from(run), kAppOffset) << "the flash's part is not sent again\n"
                                            << all_lines(run);
  EXPECT_EQ(run.report.facts.number("line_errors_recovered"), 1);
}

TEST(Replug, ABoardNotBackWithinTheGracePeriodFailsWithOneLineNamingWhatWasWritten) {
  Bench b(kUnplugAt);
  b.bench.driver.set_replug(Replug{.back_after_ms = -1, .grace_ms = 10000});
  Files f;
  SimRun run = b.bench.run(write_request(f, true), kStepCap);
  ASSERT_FALSE(run.status.ok());
  const esptool::Error& e = run.status.error();
  EXPECT_EQ(e.code, Errc::kPortLost) << e.message();
  EXPECT_EQ(e.message(),
            "Serial port lost: the device was unplugged and did not come back within 10000 ms; "
            "written and verified: boot.bin at 0x00001000; not complete: app.bin at 0x00010000; "
            "not written: data.bin at 0x00200000");
  EXPECT_EQ(b.bench.flash(kBootOffset, uint32_t(f.boot.size())), f.boot);
  // Bounded: the grace period and one reconnect's worth of actions, not connect's 7 attempts.
  EXPECT_LT(run.end_ms - run.start_ms, 60000.0);
}

TEST(Replug, WithRecoveryOffTheInterruptionEndsTheWriteAtOnce) {
  Bench b(kUnplugAt);
  b.bench.driver.set_replug(Replug{.back_after_ms = 1000, .grace_ms = 10000});
  Files f;
  SimRun run = b.bench.run(write_request(f, false), kStepCap);
  ASSERT_FALSE(run.status.ok());
  const esptool::Error& e = run.status.error();
  EXPECT_EQ(e.code, Errc::kPortInterrupted) << e.message();
  EXPECT_EQ(e.name(), "port_interrupted");
  const std::string summary =
      "; written and verified: boot.bin at 0x00001000; not complete: app.bin at 0x00010000";
  EXPECT_NE(e.message().find(summary), std::string::npos) << e.message();
  EXPECT_FALSE(has_line(run, "Connecting again after a line error...")) << all_lines(run);
  EXPECT_EQ(e.message().find('\n'), std::string::npos);
}

TEST(Replug, AReadPluggedBackInResumesAndReturnsTheFlash) {
  Files f;
  Bytes flash(kAppOffset, 0xFF);
  flash.insert(flash.end(), f.app.begin(), f.app.end());
  DeviceRequest req;
  req.command = "read_flash";
  req.stubs = all_stubs();
  req.baud = 921600;
  req.address = kAppOffset;
  req.size = uint32_t(f.app.size());
  // In a read the host sends little but acks: the cable goes some 60 acks before the end.
  Bench clean(std::nullopt, flash);
  const uint64_t total = clean.bench.run(req, kStepCap).bytes_to_device;
  Bench b(total - 400, flash);
  b.bench.driver.set_replug(Replug{.back_after_ms = 1000, .grace_ms = 10000});
  SimRun run = b.bench.run(req, kStepCap);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message() << "\n" << all_lines(run);
  EXPECT_EQ(run.report.data, f.app);
  EXPECT_TRUE(has_line(run, "Connecting again after a line error...")) << all_lines(run);
}

}  // namespace
