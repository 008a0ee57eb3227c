// The device side of Improv Wi-Fi over serial (improv-wifi.com/serial), as a flashed app runs
// it: packets "IMPROV" version type length data checksum at line starts, answered with state,
// error and RPC-result packets. Independent of any client code (design.md principle 2); Wi-Fi
// is simulated: a scan lists fixed networks, and one SSID/password pair "connects".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hw-sim/base/bytes.h"

namespace hwsim {

struct ImprovConfig {
  std::string firmware = "Simulated firmware";
  std::string version = "1.0.0";
  std::string chip_variant = "esp32";  // "hardware chip/variant" string of Device Info
  std::string device_name = "hw-sim";
  // The one network that accepts; other credentials fail with "unable to connect".
  std::string ssid = "hw-sim-net";
  std::string password = "correct horse";
  std::string provisioned_url = "http://192.168.4.1/";
};

class ImprovService {
 public:
  explicit ImprovService(ImprovConfig config) : config_(std::move(config)) {}

  // One byte from the host; returns the bytes the device answers with (often none).
  Bytes push(uint8_t byte);
  bool is_provisioned() const { return state_ == kProvisioned; }

  // serial.md "Packet: Current State" values and packet types.
  static constexpr uint8_t kReady = 0x02, kProvisioning = 0x03, kProvisioned = 0x04;
  static constexpr uint8_t kTypeState = 0x01, kTypeError = 0x02, kTypeRpc = 0x03, kTypeResult = 0x04;

 private:
  Bytes handle(const Bytes& packet);
  Bytes rpc(uint8_t command, const Bytes& data);
  static Bytes packet(uint8_t type, const Bytes& data);
  static Bytes result(uint8_t command, const std::vector<std::string>& strings);

  ImprovConfig config_;
  uint8_t state_ = kReady;
  Bytes line_;           // bytes since the last newline (a packet starts a line)
  size_t expected_ = 0;  // full packet length once the header is in, else 0
};

}  // namespace hwsim
