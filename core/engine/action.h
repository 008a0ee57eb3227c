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
  // then feed(bytes, now) with >= 1 byte, or timeout(now) at the deadline, or interrupted(now)
  // when the port went away (it is looked for again).
  Millis deadline;
};
// Any action may instead be answered with lost(now, reason): the port is gone for good.
struct SetSignals {
  bool dtr;
  bool rts;  // then complete(now); true = asserted (line low)
};
struct SetBaud {
  uint32_t baud;  // then complete(now)
};
struct Sleep {
  Millis duration;  // then complete(now)
  // The same end on the host's clock (the engine's now() when it asked, plus duration): a driver
  // with a real clock sleeps until then, so what the engine computed before asking (Link::sleep
  // runs idle jobs) is not added to the wait. Virtual-time drivers add duration.
  Millis until;
};
// The converted flasher stub file `file` (e.g. "stub_flasher_32c3.bin"), asked for
// only when the request lets the driver serve stubs (DeviceRequest::stubs_on_demand): a page
// then fetches the one file the detected chip needs instead of all of them up front. Then
// supply(bytes, now) with the file's bytes (none: no such file is shipped), or
// unavailable(now, reason) when it could not be had (network, timeout).
struct LoadStub {
  std::string file;
};
using Action = std::variant<Write, Read, SetSignals, SetBaud, Sleep, LoadStub>;

struct Progress {
  std::string stage;  // "write", "read", "dump", "compare", "upload"
  uint64_t done;
  uint64_t total;
  uint32_t offset = 0;  // where the region starts (flash offset or memory address), for messages
};
struct Log {
  std::string text;  // one line, esptool's words
  // A line the device printed (boot banner, stub greeting), not one of esptool's messages:
  // esptool.py shows these only with --trace.
  bool from_device = false;
};
using Event = std::variant<Progress, Log>;

}  // namespace esptool::engine
