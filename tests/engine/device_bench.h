// A simulated board on a bench: one hw-sim Device, the virtual-time driver and one engine Session,
// so whole device commands (ops::run_device_command) run one after another against the same
// flash, as a user runs esptool commands against one board.
#pragma once

#include <map>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/ops/device_command.h"
#include "hw-sim/chips/chip_model.h"
#include "hw-sim/device.h"
#include "tests/support/sim_driver.h"
#include "tests/support/stub_dir.h"

namespace esptool::testing {

// Converted stubs by file name, as the CLI passes them (from esptool-js's package, a devDependency).
inline const stub::StubFiles& all_stubs() {
  static const stub::StubFiles stubs = [] {
    const std::string dir = std::string(ESPT_SOURCE_DIR) + "/node_modules/esptool-js/lib/targets/stub_flasher";
    auto m = read_stub_dir(dir);
    // The stub tests must not pass ROM-only for want of the package.
    if (m.empty()) {
      std::fprintf(stderr, "no flasher stubs in %s (run web/tools/bootstrap.sh)\n", dir.c_str());
      std::abort();
    }
    return m;
  }();
  return stubs;
}

inline hwsim::DeviceOptions bench_options(const std::string& chip) {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip(chip);
  o.power_on_download = false;  // the reset circuit selects download mode, as on a dev board
  return o;
}

struct DeviceBench {
  explicit DeviceBench(const hwsim::DeviceOptions& options) : device(options), driver(device) {}
  explicit DeviceBench(const std::string& chip) : DeviceBench(bench_options(chip)) {}

  SimRun run(ops::DeviceRequest req, uint64_t max_steps = 50'000'000) {
    return driver.run([req](engine::Link& link) { return ops::run_device_command(link, req); },
                      session, max_steps);
  }
  Bytes flash(uint32_t offset, uint32_t length) const { return device.flash().read(offset, length); }

  hwsim::Device device;
  SimDriver driver;
  engine::Session session;
};

inline bool has_line(const SimRun& run, const std::string& prefix) {
  for (const auto& l : run.logs)
    if (l.rfind(prefix, 0) == 0) return true;
  return false;
}

inline std::string all_lines(const SimRun& run) {
  std::string s;
  for (const auto& l : run.logs) s += l + "\n";
  return s;
}

}  // namespace esptool::testing
