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

// OP:CODE:K with numbers in C notation (0x.. or decimal).
bool parse_command_error(std::string_view text, FaultPlan::CommandError* out) {
  uint64_t parts[3];
  for (int i = 0; i < 3; ++i) {
    const size_t colon = text.find(':');
    if ((i < 2) != (colon != std::string_view::npos)) return false;
    const std::string item(text.substr(0, colon));
    if (item.empty()) return false;
    char* end = nullptr;
    errno = 0;
    parts[i] = std::strtoull(item.c_str(), &end, 0);
    if (errno != 0 || *end != '\0') return false;
    text = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  }
  if (parts[0] > 0xFF || parts[1] > 0xFF || parts[1] == 0 || parts[2] == 0 || parts[2] > 0xFFFFFFFFu) {
    return false;
  }
  *out = {static_cast<uint8_t>(parts[0]), static_cast<uint8_t>(parts[1]),
          static_cast<uint32_t>(parts[2])};
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
    } else if (kind == "reset_at" || kind == "disconnect_at" || kind == "drop_byte" ||
               kind == "flip_byte") {
      uint64_t n = 0;
      ok = parse_count(value, &n) && n > 0;
      std::optional<uint64_t>& slot = kind == "reset_at"        ? plan.reset_at
                                      : kind == "disconnect_at" ? plan.disconnect_at
                                      : kind == "drop_byte"     ? plan.drop_byte
                                                                : plan.flip_byte;
      slot = n;
    } else if (kind == "max_baud") {
      uint64_t n = 0;
      ok = parse_count(value, &n) && n > 0 && n <= UINT32_MAX;
      plan.max_baud = static_cast<uint32_t>(n);
    } else if (kind == "error") {
      FaultPlan::CommandError e{};
      ok = parse_command_error(value, &e);
      if (ok) plan.errors.push_back(e);
    } else {
      *error = "unknown fault kind '" + std::string(kind) +
               "' (expected flip, drop, garbage, delay_ms, reset_at, disconnect_at, drop_byte, "
               "flip_byte, max_baud or error)";
      return std::nullopt;
    }
    if (!ok) {
      *error = "bad value in fault '" + std::string(item) +
               "' (probabilities are 0..1, delay_ms a number of ms, *_at, *_byte and max_baud a "
               "count >= 1, error OP:CODE:K with CODE and K >= 1)";
      return std::nullopt;
    }
  }
  return plan;
}

}  // namespace hwsim
