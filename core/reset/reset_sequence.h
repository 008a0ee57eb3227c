// Reset strategies as data (reset-and-boot.md §2): lists of line changes and sleeps that an
// operation replays through the Link. No I/O here; the custom-string parser returns the same type.
#pragma once

#include <string_view>
#include <variant>
#include <vector>

#include "core/base/result.h"
#include "core/engine/action.h"

namespace esptool::reset {

// Set both lines in one control transfer (Web Serial setSignals, POSIX TIOCMSET).
struct Lines {
  bool dtr;
  bool rts;
};
struct Wait {
  engine::Millis ms;
};
using Step = std::variant<Lines, Wait>;
using Sequence = std::vector<Step>;

inline constexpr engine::Millis kDefaultResetDelayMs = 50;  // DEFAULT_RESET_DELAY
inline constexpr engine::Millis kExtraResetDelayMs = 550;   // DEFAULT_RESET_DELAY + 0.5 s

// ClassicReset: esptool's setDTR/setRTS calls, each RTS write re-sending DTR, as line states.
Sequence classic_reset(engine::Millis delay_ms);
// UnixTightReset: both lines at once, passing through (1,1) instead of a glitchy (0,0).
Sequence tight_reset(engine::Millis delay_ms);
Sequence usb_jtag_serial_reset();
// HardReset after the operation: RTS pulse; USB variants hold longer for re-enumeration.
Sequence hard_reset(bool uses_usb);

// esptool's custom_reset_sequence string, e.g. "D0|R1|W0.1|D1|R0|W0.05|D0" (W in seconds;
// U<d>,<r> sets both). D/R change one line and keep the other as the sequence left it.
Result<Sequence> parse_custom_reset(std::string_view text);

// Strategies tried in turn by connect attempts (reset-and-boot.md §3), for a port that can set
// both lines at once (Web Serial, TCP/RFC2217 through our driver).
std::vector<Sequence> connect_strategies(bool usb_jtag_serial);

}  // namespace esptool::reset
