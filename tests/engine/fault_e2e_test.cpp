// Seeded fault injection (hw-sim's FaultPlan) over whole write_flash and read_flash commands, ROM
// and stub, many seeds each. The property, for every run: it ends by itself well inside a
// virtual-time bound, and either succeeds with the flash really holding the written bytes (read
// back from the simulated chip, not from the engine) / the read data equal to the flash, or fails
// with one clear line (non-empty, no newline, a host or device code, never kInternal). Never
// OK-but-wrong. Each test prints how its runs ended, so a change in the mix is visible.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>

#include "core/ops/data_block.h"
#include "tests/engine/device_bench.h"
#include "tests/support/elf_builder.h"
#include "tests/support/libc_format.h"

namespace {

using esptool::Bytes;
using esptool::Errc;
using esptool::ops::DeviceRequest;
using esptool::testing::all_stubs;
using esptool::testing::DeviceBench;
using esptool::testing::SimRun;
using esptool::testing::all_lines;

constexpr int kSeeds = 40;
constexpr uint32_t kOffset = 0x10000;
// Connect (7 attempts), stub upload, per-block retries and timeouts all fit well inside this; a
// run that needs more is stuck retrying.
constexpr double kVirtualBoundMs = 10 * 60 * 1000.0;
constexpr uint64_t kStepCap = 5'000'000;

enum class Op { kWrite, kRead };

struct Scenario {
  const char* name;
  Op op;
  const char* chip;
  bool stub;
  std::optional<bool> compress;  // write only
  uint32_t size;
};

// What happened over one test's runs.
struct Tally {
  int ok = 0;
  std::map<std::string, int> errors;  // by Error::name()
  double max_virtual_ms = 0;
  std::string summary() const {
    std::string s = esptool::strprintf("ok %d", ok);
    for (const auto& [name, n] : errors) s += esptool::strprintf(", %s %d", name.c_str(), n);
    return s +
           esptool::testing::libc_format(" (longest run %.1f s virtual)", max_virtual_ms / 1000);
  }
};

Bytes payload(uint32_t size, uint64_t seed) {
  Bytes b = esptool::testing::pseudo_random_bytes(size, uint32_t(seed * 2654435761u + 1));
  b[0] = 0x5A;  // not an image header: nothing is patched
  // Firmware-like: long runs compress, so compressed blocks carry many flash bytes each.
  for (size_t i = 0; i < b.size(); i += 512) std::fill(b.begin() + i, b.begin() + std::min(b.size(), i + 200), 0);
  return b;
}

// One run under `plan` with `seed`, checked against the property. Returns false on a violation.
void run_one(const Scenario& sc, const hwsim::FaultPlan& plan, uint64_t seed, Tally& tally) {
  hwsim::DeviceOptions o = esptool::testing::bench_options(sc.chip);
  o.faults = plan;
  o.seed = seed;
  const Bytes data = payload(sc.size, seed);
  if (sc.op == Op::kRead) {
    Bytes image(kOffset + sc.size, 0xFF);
    std::copy(data.begin(), data.end(), image.begin() + kOffset);
    o.initial_flash = image;
  }
  DeviceBench bench(o);
  DeviceRequest req;
  req.command = sc.op == Op::kWrite ? "write_flash" : "read_flash";
  req.no_stub = !sc.stub;
  req.stubs = all_stubs();
  req.connect_attempts = 3;
  if (sc.op == Op::kWrite) {
    req.files = {{kOffset, data, "app.bin"}};
    req.compress = sc.compress;
  } else {
    req.address = kOffset;
    req.size = sc.size;
  }
  const SimRun run = bench.run(req, kStepCap);
  const std::string where = esptool::strprintf("%s seed %llu", sc.name, (unsigned long long)seed);
  ASSERT_FALSE(run.step_cap_hit) << where << ": livelock";
  const double took = run.end_ms - run.start_ms;
  tally.max_virtual_ms = std::max(tally.max_virtual_ms, took);
  EXPECT_LT(took, kVirtualBoundMs) << where << ": did not end by itself in time";
  if (run.status.ok()) {
    ++tally.ok;
    if (sc.op == Op::kWrite) {
      EXPECT_EQ(bench.flash(kOffset, sc.size), data) << where << ": OK but the flash differs";
    } else {
      EXPECT_EQ(run.report.data, bench.flash(kOffset, sc.size)) << where << ": OK but the data differs";
    }
    return;
  }
  const esptool::Error& e = run.status.error();
  ++tally.errors[e.name()];
  // ESPT_FAULT_VERBOSE=1 prints each failed run's error, to see what a tally is made of.
  if (std::getenv("ESPT_FAULT_VERBOSE")) {
    std::printf("    %s: %s\n", where.c_str(), e.message().c_str());
    if (std::string(std::getenv("ESPT_FAULT_VERBOSE")) == "2") std::printf("%s", all_lines(run).c_str());
  }
  EXPECT_FALSE(e.message().empty()) << where;
  EXPECT_EQ(e.message().find('\n'), std::string::npos) << where << ": " << e.message();
  EXPECT_NE(e.code, Errc::kInternal) << where << ": " << e.message();
  EXPECT_NE(e.code, Errc::kOk) << where;
}

const Scenario kScenarios[] = {
    {"write_stub_esp32c3", Op::kWrite, "esp32c3", true, std::nullopt, 48 * 1024},
    {"write_stub_esp8266", Op::kWrite, "esp8266", true, std::nullopt, 48 * 1024},
    {"write_stub_uncompressed_esp32s3", Op::kWrite, "esp32s3", true, false, 24 * 1024},
    {"write_rom_esp32", Op::kWrite, "esp32", false, std::nullopt, 24 * 1024},
    {"write_rom_compressed_esp32c6", Op::kWrite, "esp32c6", false, true, 24 * 1024},
    {"read_stub_esp32s2", Op::kRead, "esp32s2", true, std::nullopt, 40 * 1024},
    {"read_rom_esp32h2", Op::kRead, "esp32h2", false, std::nullopt, 2 * 1024},
};

struct PlanCase {
  const char* name;
  std::function<hwsim::FaultPlan(uint64_t seed)> make;
};

hwsim::FaultPlan random_plan(double flip, double drop, double garbage) {
  hwsim::FaultPlan p;
  p.flip = flip;
  p.drop = drop;
  p.garbage = garbage;
  return p;
}

const PlanCase kPlans[] = {
    {"flip_1e-5", [](uint64_t) { return random_plan(1e-5, 0, 0); }},
    // Issue 12's levels: a long cable or a cheap bridge. At least 95% of runs must end verified.
    {"flip_2e-5", [](uint64_t) { return random_plan(2e-5, 0, 0); }},
    {"drop_2e-5", [](uint64_t) { return random_plan(0, 2e-5, 0); }},
    {"garbage_5e-5_delay_40ms", [](uint64_t) {
       hwsim::FaultPlan p = random_plan(0, 0, 5e-5);
       p.delay_ms = 40;
       return p;
     }},
    {"flip_1e-4", [](uint64_t) { return random_plan(1e-4, 0, 0); }},
    {"drop_1e-4", [](uint64_t) { return random_plan(0, 1e-4, 0); }},
    {"garbage_1e-4", [](uint64_t) { return random_plan(0, 0, 1e-4); }},
    {"mixed_1e-3", [](uint64_t) { return random_plan(1e-3, 1e-3, 1e-3); }},
    // Countable faults at a byte that moves with the seed through the whole command.
    {"reset_at", [](uint64_t s) { hwsim::FaultPlan p; p.reset_at = 200 + s * 811; return p; }},
    {"disconnect_at", [](uint64_t s) { hwsim::FaultPlan p; p.disconnect_at = 200 + s * 811; return p; }},
    {"drop_byte", [](uint64_t s) { hwsim::FaultPlan p; p.drop_byte = 100 + s * 797; return p; }},
    {"flip_byte", [](uint64_t s) { hwsim::FaultPlan p; p.flip_byte = 100 + s * 797; return p; }},
    // Replies late by up to 4 s: past the 3 s command timeout for the last seeds.
    {"delay", [](uint64_t s) { hwsim::FaultPlan p; p.delay_ms = double(s) * 100; return p; }},
    // The K-th data block (ROM FLASH_DATA 0x03 / stub FLASH_DEFL_DATA 0x11) refused, or a
    // READ_FLASH(_SLOW)/MD5 refused, with a checksum error.
    {"command_error", [](uint64_t s) {
       hwsim::FaultPlan p;
       const uint32_t k = uint32_t(s % 5 + 1);
       for (uint8_t op : {0x03, 0x11, 0x13, 0xD2, 0x0E}) p.errors.push_back({op, 0x07, k});
       return p;
     }},
};

struct Param {
  const Scenario* scenario;
  const PlanCase* plan;
};

class FaultE2E : public ::testing::TestWithParam<Param> {};

TEST_P(FaultE2E, EveryRunEndsVerifiedOrWithOneClearError) {
  const Param& p = GetParam();
  Tally tally;
  for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
    run_one(*p.scenario, p.plan->make(seed), seed, tally);
    if (HasFatalFailure()) return;
  }
  std::printf("  %s / %s: %s\n", p.scenario->name, p.plan->name, tally.summary().c_str());
  // The property alone would also hold for an engine that gives up at the first fault: with
  // recovery (resume from what the flash's MD5 confirms) nearly every run gets through the
  // noise levels issue 12 names.
  const std::string plan = p.plan->name;
  if (plan == "flip_1e-5" || plan == "flip_2e-5" || plan == "drop_2e-5" || plan == "garbage_5e-5_delay_40ms") {
    EXPECT_GE(tally.ok, kSeeds * 95 / 100) << tally.summary();
  }
}

std::vector<Param> all_params() {
  std::vector<Param> v;
  for (const Scenario& s : kScenarios)
    for (const PlanCase& p : kPlans) v.push_back({&s, &p});
  return v;
}

std::string param_name(const ::testing::TestParamInfo<Param>& info) {
  std::string n = std::string(info.param.scenario->name) + "_" + info.param.plan->name;
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Faults, FaultE2E, ::testing::ValuesIn(all_params()), param_name);

// One corrupted byte in the middle of a compressed stub write: with recovery the write resumes
// from what the flash holds and ends verified, saying so; with --no-recover it fails as esptool's
// would, with the device's one-line error.
struct Resumed {
  SimRun run;
  Bytes flash;
  Bytes data;
};

Resumed write_with_fault_in_the_data(bool recover, hwsim::FaultPlan plan) {
  hwsim::DeviceOptions o = esptool::testing::bench_options("esp32");
  o.faults = plan;
  DeviceBench bench(o);
  DeviceRequest req;
  req.command = "write_flash";
  req.stubs = all_stubs();
  req.baud = 921600;
  req.recover = recover;
  const Bytes data = esptool::testing::pseudo_random_bytes(256 * 1024, 77);  // incompressible
  req.files = {{kOffset, data, "app.bin"}};
  SimRun run = bench.run(req, kStepCap);
  return {std::move(run), bench.flash(kOffset, uint32_t(data.size())), data};
}

// One FLASH_DEFL_DATA block refused `count` times in a row as garbled (bad checksum), from the
// 5th data command on: with recovery more than kRejectedBlockAttempts refusals outlast the
// block's resends; esptool (and --no-recover) gives up after three.
hwsim::FaultPlan block_errors(uint32_t count) {
  hwsim::FaultPlan p;
  for (uint32_t k = 5; k < 5 + count; ++k) p.errors.push_back({0x11, 0xC1, k});
  return p;
}

TEST(Recovery, ABlockRefusedPastItsRetriesResumesFromWhatTheFlashHolds) {
  Resumed r = write_with_fault_in_the_data(true, block_errors(esptool::ops::kRejectedBlockAttempts));
  ASSERT_TRUE(r.run.status.ok()) << r.run.status.error().message() << "\n" << all_lines(r.run);
  EXPECT_EQ(r.flash, r.data);
  EXPECT_TRUE(esptool::testing::has_line(r.run, "Line error (")) << all_lines(r.run);
  bool resumed_mid_file = false;
  for (const std::string& l : r.run.logs) {
    const size_t at = l.find("resuming from 0x");
    if (at != std::string::npos) resumed_mid_file = std::stoul(l.substr(at + 14, 10), nullptr, 16) > kOffset;
  }
  EXPECT_TRUE(resumed_mid_file) << "only what the flash lacks is written again\n" << all_lines(r.run);
  EXPECT_TRUE(esptool::testing::has_line(r.run, "Recovered from 1 line error; every file was verified."));
  EXPECT_EQ(r.run.report.facts.number("line_errors_recovered"), 1);
}

TEST(Recovery, ABlockRefusedAsGarbledIsResentPastEsptoolsThreeAttempts) {
  Resumed r = write_with_fault_in_the_data(true, block_errors(esptool::ops::kWriteBlockAttempts));
  ASSERT_TRUE(r.run.status.ok()) << r.run.status.error().message() << "\n" << all_lines(r.run);
  EXPECT_EQ(r.flash, r.data);
  EXPECT_FALSE(esptool::testing::has_line(r.run, "Line error (")) << "resent, not resumed\n" << all_lines(r.run);
}

TEST(Recovery, NoRecoverGivesUpAtTheFirstLineErrorAsEsptoolDoes) {
  Resumed r = write_with_fault_in_the_data(false, block_errors(esptool::ops::kWriteBlockAttempts));
  ASSERT_FALSE(r.run.status.ok());
  EXPECT_NE(r.run.status.error().message().find("Writing block"), std::string::npos) << r.run.status.error().message();
  EXPECT_FALSE(esptool::testing::has_line(r.run, "Line error ("));
}

TEST(Recovery, AChipThatResetsMidWriteIsConnectedAgainAndTheWriteEndsVerified) {
  hwsim::FaultPlan p;
  p.reset_at = 120000;  // inside the data, after the stub upload and the baud change
  Resumed r = write_with_fault_in_the_data(true, p);
  ASSERT_TRUE(r.run.status.ok()) << r.run.status.error().message() << "\n" << all_lines(r.run);
  EXPECT_EQ(r.flash, r.data);
  EXPECT_TRUE(esptool::testing::has_line(r.run, "Connecting again after a line error..."));
  EXPECT_GE(r.run.report.facts.number("line_errors_recovered"), 1);
}

TEST(Recovery, AChipThatNeverComesBackEndsWithOneClearErrorInBoundedTime) {
  hwsim::FaultPlan p;
  p.disconnect_at = 120000;
  Resumed r = write_with_fault_in_the_data(true, p);
  ASSERT_FALSE(r.run.status.ok());
  EXPECT_EQ(r.run.status.error().code, Errc::kPortLost) << r.run.status.error().message();
  EXPECT_LT(r.run.end_ms - r.run.start_ms, 60000.0);
}

}  // namespace
