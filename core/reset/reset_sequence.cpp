#include "core/reset/reset_sequence.h"

#include <cstdlib>
#include <string>

namespace esptool::reset {

Sequence classic_reset(engine::Millis delay_ms) {
  // D0 | R1 (+D0) | W0.1 | D1 | R0 (+D1) | W delay | D0; DTR starts released.
  return {Lines{false, false}, Lines{false, true}, Wait{100},       Lines{true, true},
          Lines{true, false},  Wait{delay_ms},     Lines{false, false}};
}

Sequence tight_reset(engine::Millis delay_ms) {
  return {Lines{false, false}, Lines{true, true},  Lines{false, true}, Wait{100},
          Lines{true, false},  Wait{delay_ms},     Lines{false, false}};
}

Sequence usb_jtag_serial_reset() {
  return {Lines{false, false}, Wait{100},          Lines{true, false}, Wait{100},
          Lines{false, true},  Wait{100},          Lines{false, false}};
}

Sequence hard_reset(bool uses_usb) {
  if (uses_usb) return {Lines{false, true}, Wait{200}, Lines{false, false}, Wait{200}};
  return {Lines{false, true}, Wait{100}, Lines{false, false}};
}

namespace {

Error format_error(std::string_view token) {
  return make_error(Errc::kBadArgument,
                    "Invalid \"custom_reset_sequence\" option format: '" + std::string(token) + "'",
                    "Use tokens D0/D1, R0/R1, U<dtr>,<rts> and W<seconds> separated by '|'.");
}

bool parse_bit(std::string_view s, bool& out) {
  if (s == "0" || s == "1") {
    out = s == "1";
    return true;
  }
  return false;
}

}  // namespace

Result<Sequence> parse_custom_reset(std::string_view text) {
  Sequence seq;
  Lines state{false, false};
  size_t start = 0;
  while (start <= text.size()) {
    size_t bar = text.find('|', start);
    if (bar == std::string_view::npos) bar = text.size();
    std::string_view token = text.substr(start, bar - start);
    start = bar + 1;
    if (token.empty()) return format_error(token);
    const char kind = token[0];
    std::string_view arg = token.substr(1);
    if (kind == 'D' || kind == 'R') {
      bool value;
      if (!parse_bit(arg, value)) return format_error(token);
      (kind == 'D' ? state.dtr : state.rts) = value;
      seq.push_back(state);
    } else if (kind == 'U') {
      const size_t comma = arg.find(',');
      if (comma == std::string_view::npos || !parse_bit(arg.substr(0, comma), state.dtr) ||
          !parse_bit(arg.substr(comma + 1), state.rts)) {
        return format_error(token);
      }
      seq.push_back(state);
    } else if (kind == 'W') {
      std::string number(arg);
      char* end = nullptr;
      const double seconds = std::strtod(number.c_str(), &end);
      if (number.empty() || end != number.c_str() + number.size() || seconds < 0) return format_error(token);
      seq.push_back(Wait{seconds * 1000.0});
    } else {
      return format_error(token);
    }
    if (bar == text.size()) break;
  }
  return seq;
}

std::vector<Sequence> connect_strategies(bool usb_jtag_serial) {
  if (usb_jtag_serial) return {usb_jtag_serial_reset()};
  return {tight_reset(kDefaultResetDelayMs), tight_reset(kExtraResetDelayMs),
          classic_reset(kDefaultResetDelayMs), classic_reset(kExtraResetDelayMs)};
}

}  // namespace esptool::reset
