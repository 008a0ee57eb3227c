// Shared set-up for loader tests: a Device in download mode and a Host synced to its ROM,
// optionally running the (fake) flasher stub.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "tests/sim/support/sim_host.h"

namespace simtest {

struct Rig {
  explicit Rig(const char* chip, hwsim::DeviceOptions options = {}) {
    options.chip = hwsim::find_chip(chip);
    device = std::make_unique<hwsim::Device>(options);
    host = std::make_unique<Host>(*device);
    host->flush(5);  // boot banner
  }
  bool sync() { return host->sync().has_value(); }
  // MEM_BEGIN/MEM_DATA/MEM_END of 256 bytes at `address`, entry inside: returns the next frame.
  std::optional<Bytes> run_fake_stub(uint32_t address, size_t block = 0x1800) {
    const Bytes code(256, 0x11);
    host->call(0x05, le32_bytes({256, 1, static_cast<uint32_t>(block), address}));
    host->call(data_request(0x07, code, 0));
    host->call(0x06, le32_bytes({0, address + 4}), 200);
    return host->read_frame();
  }
  bool enter_stub() {
    if (!sync()) return false;
    const auto greeting = run_fake_stub(0x40380000);
    return greeting && *greeting == Bytes({'O', 'H', 'A', 'I'});
  }
  std::optional<Reply> call(uint8_t op, const Bytes& data, Millis timeout = 3000) {
    return host->call(op, data, timeout);
  }
  // A ready-made request packet (e.g. data_request()).
  std::optional<Reply> call(const Bytes& packet, Millis timeout = 3000) {
    return host->call(packet, timeout);
  }

  std::unique_ptr<hwsim::Device> device;
  std::unique_ptr<Host> host;
};

// Status bytes of a reply: the last `n` bytes.
inline Bytes status_of(const Reply& r, size_t n) {
  return Bytes(r.data.end() - static_cast<long>(n), r.data.end());
}

}  // namespace simtest
