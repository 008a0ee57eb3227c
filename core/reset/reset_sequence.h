// Reset strategies as data (reset-and-boot.md §2): esptool v4.8.1's reset.py line writes and
// sleeps, call for call, which an operation replays through the Link. No I/O here; the
// custom-string parser returns the same type. Which strategies a port gets depends on its kind.
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

#include "core/base/result.h"
#include "core/engine/action.h"

namespace esptool::reset {

// Both lines in one write (reset.py _setDTRandRTS: TIOCMSET; Web Serial setSignals).
struct Lines {
  bool dtr;
  bool rts;
  bool operator==(const Lines&) const = default;
};
// pyserial setDTR: DTR changes, RTS keeps its state.
struct Dtr {
  bool value;
};
// pyserial setRTS: RTS changes, DTR keeps its state. reset.py's _setRTS then writes DTR again
// with its current value (resend_dtr), because Windows' usbser.sys sends the USB line-state
// request only on a DTR write; CustomReset's "R" token is the plain setRTS.
struct Rts {
  bool value;
  bool resend_dtr = true;
};
struct Wait {
  engine::Millis ms;
};
using Step = std::variant<Lines, Dtr, Rts, Wait>;
using Sequence = std::vector<Step>;

inline constexpr engine::Millis kDefaultResetDelayMs = 50;  // DEFAULT_RESET_DELAY
inline constexpr engine::Millis kExtraResetDelayMs = 550;   // DEFAULT_RESET_DELAY + 0.5 s
// loader.py USB_JTAG_SERIAL_PID: a port with this USB product id gets USBJTAGSerialReset.
inline constexpr uint32_t kUsbJtagSerialPid = 0x1001;

// What kind of port the lines go to; esptool picks strategies by it (loader.py
// _construct_reset_strategy_sequence): the tight reset only where one write sets both lines.
enum class PortKind {
  kWebSerial,      // Web Serial / a SerialPort-shaped object: setSignals sets both at once
  kPosixSerial,    // a local port on Linux/macOS (os.name != "nt")
  kWindowsSerial,  // a local port on Windows: no TIOCMSET
  kRfc2217,        // rfc2217://: each line is its own SET-CONTROL request
  kSocket,         // socket://: no lines reach the far end
};
// "web" | "posix" | "windows" | "rfc2217" | "socket"; anything else is a kBadArgument error.
Result<PortKind> parse_port_kind(std::string_view name);
// The line state right after opening: asserted (1,1) as Linux/macOS, pyserial's rfc2217 client
// and Web Serial leave them; Windows esptool releases both before open (loader.py __init__).
Lines lines_after_open(PortKind kind);

// ClassicReset(delay): setDTR / setRTS one at a time.
Sequence classic_reset(engine::Millis delay_ms);
// UnixTightReset(delay): both lines at once, passing through (1,1) instead of a glitchy (0,0).
Sequence tight_reset(engine::Millis delay_ms);
Sequence usb_jtag_serial_reset();
// HardReset after the operation: RTS pulse; USB variants hold longer for re-enumeration.
Sequence hard_reset(bool uses_usb);

// esptool's custom_reset_sequence string, e.g. "D0|R1|W0.1|D1|R0|W0.05|D0" (W in seconds;
// U<d>,<r> sets both). D/R change one line and keep the other as it is.
Result<Sequence> parse_custom_reset(std::string_view text);

// Strategies tried in turn by connect attempts (reset-and-boot.md §3): USB-JTAG-Serial alone;
// on POSIX ports (and Web Serial) tight then classic, each with both delays; classic only on
// Windows and RFC 2217.
std::vector<Sequence> connect_strategies(PortKind kind, bool usb_jtag_serial);

// What a port sees for `seq` from line state `start`: one Lines per line write (a setRTS with
// its DTR re-send is two writes) and the Waits, in order. `end` gets the final line state.
Sequence line_writes(const Sequence& seq, Lines start, Lines* end = nullptr);

}  // namespace esptool::reset
