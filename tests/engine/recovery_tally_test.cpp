// Issue 12's recovery tally (tests/engine/recovery_tally.h) on fewer seeds and smaller commands
// than `npm run bench` runs: under every plan no run ends silent, hung or with an unclear error,
// under line noise every write and read ends verified, and a port that goes away and never comes back always ends in a clean error, bounded by the
// replug grace period rather than by connect's retries.
#include <gtest/gtest.h>

#include <cstdio>

#include "tests/engine/device_bench.h"
#include "tests/engine/recovery_tally.h"

namespace {

namespace rt = esptool::testing::recovery;

constexpr int kSeeds = 6;
constexpr uint32_t kSize = 128 * 1024;

struct Param {
  const rt::Plan* plan;
  rt::Op op;
};

class RecoveryTally : public ::testing::TestWithParam<Param> {};

TEST_P(RecoveryTally, NoRunEndsSilentHungOrUnclear) {
  const Param& p = GetParam();
  const rt::Tally t = rt::tally(*p.plan, p.op, kSize, kSeeds, esptool::testing::all_stubs());
  std::printf("  %s / %s: %s\n", p.plan->name, rt::op_name(p.op), t.summary().c_str());
  EXPECT_EQ(t.runs, kSeeds);
  EXPECT_EQ(t.count("silent"), 0) << t.summary();
  EXPECT_EQ(t.count("hung"), 0) << t.summary();
  EXPECT_EQ(t.count("unclear"), 0) << t.summary();
  if (p.plan->kind == rt::Kind::kRandom) {
    // Issue 12's bar: under mild noise writes and reads finish, verified, at least 95% of the
    // time; with 6 seeds, every run (an engine that gives up at a fault cannot pass).
    EXPECT_EQ(t.count("verified"), kSeeds) << t.summary();
  }
  if (p.plan->kind == rt::Kind::kPortGone) {
    EXPECT_EQ(t.count("clean"), kSeeds) << "nothing to write to: every run fails, clearly; " << t.summary();
    // The grace period, one reconnect's worth of actions and the command up to the loss.
    EXPECT_LT(t.max_ms(), rt::kReplugGraceMs + 30000) << t.summary();
    for (const auto& [line, n] : t.errors) EXPECT_EQ(line, "Serial port lost") << t.summary();
  }
}

std::vector<Param> all_params() {
  std::vector<Param> v;
  for (const rt::Plan& plan : rt::plans())
    for (rt::Op op : {rt::Op::kWrite, rt::Op::kRead}) v.push_back({&plan, op});
  return v;
}

std::string param_name(const ::testing::TestParamInfo<Param>& info) {
  std::string n = std::string(rt::op_name(info.param.op)) + "_" + info.param.plan->name;
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Plans, RecoveryTally, ::testing::ValuesIn(all_params()), param_name);

}  // namespace
