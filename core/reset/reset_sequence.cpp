#include "core/reset/reset_sequence.h"

#include <cstdlib>
#include <string>

namespace esptool::reset {

Result<PortKind> parse_port_kind(std::string_view name) {
  if (name == "web" || name.empty()) return PortKind::kWebSerial;
  if (name == "posix") return PortKind::kPosixSerial;
  if (name == "windows") return PortKind::kWindowsSerial;
  if (name == "rfc2217") return PortKind::kRfc2217;
  if (name == "socket") return PortKind::kSocket;
  return make_error(Errc::kBadArgument, "Unknown port kind '" + std::string(name) + "'",
                    "Use web, posix, windows, rfc2217 or socket.");
}

Lines lines_after_open(PortKind kind) {
  if (kind == PortKind::kWindowsSerial) return {false, false};
  return {true, true};
}

// reset.py@v4.8.1 ClassicReset.reset.
Sequence classic_reset(engine::Millis delay_ms) {
  return {Dtr{false}, Rts{true}, Wait{100}, Dtr{true}, Rts{false}, Wait{delay_ms}, Dtr{false}};
}

// reset.py@v4.8.1 UnixTightReset.reset; the final setDTR is "needed in some environments".
Sequence tight_reset(engine::Millis delay_ms) {
  return {Lines{false, false}, Lines{true, true},   Lines{false, true}, Wait{100},
          Lines{true, false},  Wait{delay_ms},      Lines{false, false}, Dtr{false}};
}

// reset.py@v4.8.1 USBJTAGSerialReset.reset: idle, boot-mode request (DTR), reset with RTS
// first so the lines pass through (1,1), RTS written twice for Windows, then out of reset.
Sequence usb_jtag_serial_reset() {
  return {Rts{false}, Dtr{false}, Wait{100}, Dtr{true},  Rts{false}, Wait{100},
          Rts{true},  Dtr{false}, Rts{true}, Wait{100},  Dtr{false}, Rts{false}};
}

// reset.py@v4.8.1 HardReset.reset.
Sequence hard_reset(bool uses_usb) {
  if (uses_usb) return {Rts{true}, Wait{200}, Rts{false}, Wait{200}};
  return {Rts{true}, Wait{100}, Rts{false}};
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

// One '|'-separated token of a custom sequence.
Result<Step> parse_token(std::string_view token) {
  if (token.empty()) return format_error(token);
  const char kind = token[0];
  const std::string_view arg = token.substr(1);
  bool a = false, b = false;
  if (kind == 'D' && parse_bit(arg, a)) return Step{Dtr{a}};
  // CustomReset formats "R" as self.port.setRTS: no DTR re-send.
  if (kind == 'R' && parse_bit(arg, a)) return Step{Rts{a, false}};
  if (kind == 'U') {
    const size_t comma = arg.find(',');
    if (comma != std::string_view::npos && parse_bit(arg.substr(0, comma), a) &&
        parse_bit(arg.substr(comma + 1), b)) {
      return Step{Lines{a, b}};
    }
  }
  if (kind == 'W') {
    std::string number(arg);
    char* end = nullptr;
    const double seconds = std::strtod(number.c_str(), &end);
    if (!number.empty() && end == number.c_str() + number.size() && seconds >= 0) {
      return Step{Wait{seconds * 1000.0}};
    }
  }
  return format_error(token);
}

}  // namespace

Result<Sequence> parse_custom_reset(std::string_view text) {
  Sequence seq;
  size_t start = 0;
  for (;;) {
    size_t bar = text.find('|', start);
    if (bar == std::string_view::npos) bar = text.size();
    ESPT_ASSIGN(step, parse_token(text.substr(start, bar - start)));
    seq.push_back(step);
    if (bar == text.size()) break;
    start = bar + 1;
  }
  return seq;
}

std::vector<Sequence> connect_strategies(PortKind kind, bool usb_jtag_serial) {
  if (usb_jtag_serial) return {usb_jtag_serial_reset()};
  if (kind == PortKind::kWindowsSerial || kind == PortKind::kRfc2217) {
    return {classic_reset(kDefaultResetDelayMs), classic_reset(kExtraResetDelayMs)};
  }
  return {tight_reset(kDefaultResetDelayMs), tight_reset(kExtraResetDelayMs),
          classic_reset(kDefaultResetDelayMs), classic_reset(kExtraResetDelayMs)};
}

Sequence line_writes(const Sequence& seq, Lines start, Lines* end) {
  Sequence out;
  Lines now = start;
  for (const Step& step : seq) {
    if (const auto* l = std::get_if<Lines>(&step)) {
      now = *l;
      out.push_back(now);
    } else if (const auto* d = std::get_if<Dtr>(&step)) {
      now.dtr = d->value;
      out.push_back(now);
    } else if (const auto* r = std::get_if<Rts>(&step)) {
      now.rts = r->value;
      out.push_back(now);
      if (r->resend_dtr) out.push_back(now);
    } else {
      out.push_back(step);
    }
  }
  if (end != nullptr) *end = now;
  return out;
}

}  // namespace esptool::reset
