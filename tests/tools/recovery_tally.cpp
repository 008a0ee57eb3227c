// recovery_tally: issue 12's recovery tally for `npm run bench` (tests/bench/recovery-tally.mjs).
// For each fault plan (tests/engine/recovery_tally.h), SEEDS write_flash runs (1 MiB, compressed,
// verified) and SEEDS read_flash runs of the same size, engine against an in-process hw-sim in
// virtual time, each classified from the simulated flash.
//   recovery_tally --stubs DIR [--seeds N] [--size BYTES]
// Prints one JSON document on stdout. Exits 1 if a run ended silent, hung or with an unclear
// error (the figures are still printed); the other targets (>= 95% verified, clean errors in
// 2x esptool's time) are for the report to judge.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/engine/recovery_tally.h"
#include "tests/support/stub_dir.h"

namespace {

namespace rt = esptool::testing::recovery;
using Json = nlohmann::ordered_json;

Json to_json(const rt::Plan& plan, rt::Op op, const rt::Tally& t, double grace_ms) {
  Json j;
  j["plan"] = plan.name;
  j["op"] = rt::op_name(op);
  if (plan.kind == rt::Kind::kPortGone) j["replugGraceMs"] = grace_ms;
  j["runs"] = t.runs;
  for (const char* v : {"verified", "clean", "unclear", "silent", "hung"}) j[v] = t.count(v);
  j["maxVirtualMs"] = t.max_ms();
  j["virtualMs"] = t.ms;
  if (plan.kind == rt::Kind::kPortGone) {
    j["within2xEsptool"] = t.within_2x_esptool;
    j["maxRatioToEsptool"] = t.max_ratio_to_esptool;
  }
  Json errors = Json::object();
  for (const auto& [line, n] : t.errors) errors[line] = n;
  j["errors"] = errors;
  return j;
}

}  // namespace

int main(int argc, char** argv) {
  std::string stubs_dir;
  int seeds = 20;
  uint32_t size = 1u << 20;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--stubs") && i + 1 < argc) stubs_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--seeds") && i + 1 < argc) seeds = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--size") && i + 1 < argc) size = uint32_t(std::strtoul(argv[++i], nullptr, 0));
    else {
      std::fprintf(stderr, "usage: recovery_tally --stubs DIR [--seeds N] [--size BYTES]\n");
      return 2;
    }
  }
  const auto stubs = esptool::testing::read_stub_dir(stubs_dir);
  if (stubs.empty() || seeds <= 0 || size == 0) {
    std::fprintf(stderr, "recovery_tally: no stub JSON files in '%s' (or a bad --seeds/--size)\n", stubs_dir.c_str());
    return 2;
  }
  Json out;
  out["seeds"] = seeds;
  out["sizeBytes"] = size;
  out["baud"] = rt::kBaud;
  out["hungAfterVirtualMs"] = rt::kHungAfterMs;
  Json rows = Json::array();
  bool unsafe = false;
  for (const rt::Plan& plan : rt::plans()) {
    // A lost port is also run with no grace period (ESPTOOL_WASM_REPLUG_GRACE_MS=0): the engine's
    // own reaction, without the wait for a replug that esptool does not have.
    std::vector<double> graces = {rt::kReplugGraceMs};
    if (plan.kind == rt::Kind::kPortGone) graces.push_back(0);
    for (rt::Op op : {rt::Op::kWrite, rt::Op::kRead}) {
      for (double grace : graces) {
        const rt::Tally t = rt::tally(plan, op, size, seeds, stubs, grace);
        std::fprintf(stderr, "recovery_tally: %s / %s%s: %s\n", plan.name, rt::op_name(op),
                     plan.kind == rt::Kind::kPortGone ? (grace > 0 ? " (grace 10 s)" : " (grace 0)") : "",
                     t.summary().c_str());
        unsafe = unsafe || t.count("silent") || t.count("hung") || t.count("unclear");
        rows.push_back(to_json(plan, op, t, grace));
      }
    }
  }
  out["rows"] = rows;
  std::printf("%s\n", out.dump(2).c_str());
  return unsafe ? 1 : 0;
}
