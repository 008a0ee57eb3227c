// FaultPlan parsing: `kind=value` items separated by commas; one sentence per error.
#include "hw-sim/fault/fault_plan.h"

#include <cerrno>
#include <cstdlib>

namespace hwsim {
namespace {

bool parse_number(std::string_view text, double* out) {
  const std::string s(text);
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(s.c_str(), &end);
  if (errno != 0 || end != s.c_str() + s.size() || !(v >= 0.0)) return false;
  *out = v;
  return true;
}

bool parse_count(std::string_view text, uint64_t* out) {
  const std::string s(text);
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return false;
  errno = 0;
  const unsigned long long v = std::strtoull(s.c_str(), nullptr, 10);
  if (errno != 0) return false;
  *out = v;
  return true;
}

}  // namespace

std::optional<FaultPlan> parse_fault_plan(std::string_view spec, std::string* error) {
  FaultPlan plan;
  while (!spec.empty()) {
    const size_t comma = spec.find(',');
    const std::string_view item = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    const std::string_view kind = item.substr(0, eq);
    const std::string_view value =
        eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1);
    double* probability = kind == "flip"      ? &plan.flip
                          : kind == "drop"    ? &plan.drop
                          : kind == "garbage" ? &plan.garbage
                                              : nullptr;
    bool ok = false;
    if (probability != nullptr) {
      ok = parse_number(value, probability) && *probability <= 1.0;
    } else if (kind == "delay_ms") {
      ok = parse_number(value, &plan.delay_ms);
    } else if (kind == "reset_at" || kind == "disconnect_at") {
      uint64_t n = 0;
      ok = parse_count(value, &n) && n > 0;
      (kind == "reset_at" ? plan.reset_at : plan.disconnect_at) = n;
    } else {
      *error = "unknown fault kind '" + std::string(kind) +
               "' (expected flip, drop, garbage, delay_ms, reset_at or disconnect_at)";
      return std::nullopt;
    }
    if (!ok) {
      *error = "bad value in fault '" + std::string(item) +
               "' (probabilities are 0..1, delay_ms a number of ms, *_at a byte count >= 1)";
      return std::nullopt;
    }
  }
  return plan;
}

}  // namespace hwsim
