// Command line of the hw-sim server (design.md "Interfaces others rely on"):
//   hw-sim --chip esp32 --port 0 --protocol rfc2217|raw [--flash-size 4MB] [--baud-pacing on|off]
//          [--faults SPEC] [--seed N] [--flash-file F] [--usb-jtag-serial | --usb-otg]
//          [--secure-boot] [--secure-download-mode] [--reset-bridge on|off] [-v]
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "hw-sim/fault/fault_plan.h"

namespace hwsim::server {

enum class Protocol { kRaw, kRfc2217 };

struct ServerOptions {
  std::string chip = "esp32";
  uint16_t port = 0;
  Protocol protocol = Protocol::kRfc2217;
  uint32_t flash_size = 4 * 1024 * 1024;
  bool baud_pacing = false;
  FaultPlan faults;
  uint64_t seed = 1;
  std::string flash_file;
  bool usb_jtag_serial = false;
  bool usb_otg = false;      // USB-OTG console (ESP32-S2/S3)
  bool secure_boot = false;  // Secure Boot eFuse burned
  bool secure_download_mode = false;  // Secure Download Mode eFuse burned (S2 and later)
  // RFC 2217 DTR/RTS handling: "on" applies esptool's reset sequences with their own timing the
  // way esp_rfc2217_server does (a remote client's line changes arrive too far apart for the
  // reset circuit); "off" passes every change straight to the circuit.
  std::optional<bool> reset_bridge;
  bool verbose = false;
};

// Parses argv; on error returns nullopt with a one-line message in *error ("" for --help, with
// the usage in *error).
std::optional<ServerOptions> parse_options(int argc, char** argv, std::string* error);

// "4MB", "512KB", "16M", "0x400000" -> bytes; nullopt when malformed.
std::optional<uint32_t> parse_size(const std::string& text);

}  // namespace hwsim::server
