// What the engine asks a driver to do (actions) and what it tells the user (events). Time is
// milliseconds as a double: virtual in tests, wall-clock in drivers (style.md §2).
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "core/base/bytes.h"
#include "core/base/result.h"

namespace esptool::engine {

using Millis = double;

struct Write {
  Bytes bytes;  // then complete(now)
};
struct Read {
  Millis deadline;  // then feed(bytes, now) with >= 1 byte, or timeout(now) at the deadline
};
struct SetSignals {
  bool dtr;
  bool rts;  // then complete(now); true = asserted (line low)
};
struct SetBaud {
  uint32_t baud;  // then complete(now)
};
struct Sleep {
  Millis duration;  // then complete(now)
};
using Action = std::variant<Write, Read, SetSignals, SetBaud, Sleep>;

struct Progress {
  std::string stage;  // "write", "read", "erase", "verify", "upload"
  uint64_t done;
  uint64_t total;
};
struct Log {
  std::string text;  // one line, esptool's words
};
using Event = std::variant<Progress, Log>;

}  // namespace esptool::engine
