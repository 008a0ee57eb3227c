// esptool.py's progress lines for engine Progress events, as it prints them when stdout is not a
// terminal (util.py print_overwrite@v4.8.1: one line per step). Shared by the Node CLI and the
// JS API (event.text), so both read like esptool.py.
#pragma once

#include <string>

#include "core/engine/action.h"

namespace esptool::cli {

class ProgressText {
 public:
  // The line for `p`, or "" for stages esptool prints nothing for (stub upload). Write lines
  // name where the block just sent started, as esptool prints them before sending it.
  std::string line(const engine::Progress& p);

 private:
  std::string stage_;
  uint32_t offset_ = 0;
  uint64_t done_ = 0;  // the previous event's count for the same stage and region
};

}  // namespace esptool::cli
