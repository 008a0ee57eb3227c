// One device command from start to end, as esptool.py's main() runs it: connect (reset, sync,
// detect), describe the chip, start the stub, raise the baud rate, prepare the flash, run the
// command, then the --after action. The CLI and the JS API build a DeviceRequest and hand it to
// the engine; nothing about this sequence lives in JS.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/link.h"
#include "core/image/flash_params.h"
#include "core/ops/write_flash.h"
#include "core/stub/stub_binary.h"

namespace esptool::ops {

struct DeviceRequest {
  // Global options (esptool.py v4.8.1 names).
  std::string chip = "auto";
  std::string before = "default_reset";
  std::string after = "hard_reset";
  uint32_t baud = 115200;  // --baud: used after connecting at 115200
  bool no_stub = false;
  int connect_attempts = 7;
  bool recover = true;  // resume a write or read after line noise (ops/recovery.h); --no-recover
  bool usb_jtag_serial = false;  // the port reports USB PID 0x1001
  // The port: its kind ("web", "posix", "windows", "rfc2217", "socket"; reset::PortKind) picks
  // the reset strategies; its USB product id, when it has one, can make it a USB-JTAG-Serial.
  std::string port_kind = "web";
  std::optional<uint32_t> usb_pid;
  std::optional<uint32_t> spi_connection;
  // Converted stub files by name (e.g. "stub_flasher_32c3.bin", from esptool-js's JSON);
  // the one for the detected chip is used. Empty: run ROM-only even without --no-stub.
  stub::StubFiles stubs;
  // The driver serves stub files when asked (engine::LoadStub): a page fetches only the one the
  // detected chip needs. `stubs` still comes first.
  bool stubs_on_demand = false;

  // The command and its arguments.
  std::string command;  // write_flash, read_flash, erase_flash, erase_region, verify_flash,
                        // read_mac, chip_id, flash_id, get_security_info, read_mem, write_mem,
                        // dump_mem, load_ram, run, read_flash_status, write_flash_status
  std::vector<FlashFile> files;     // write_flash, verify_flash
  std::string flash_mode = "keep";  // write_flash / verify_flash header patching
  std::string flash_freq = "keep";
  std::string flash_size = "keep";  // also read_flash/verify_flash: keep | detect | 4MB ...
  std::optional<bool> compress;     // -z / -u
  // The host compresses the files ahead itself (the Node CLI: on a worker thread, while this
  // thread connects) and hands each stream in with provide_deflated (ops/deflate_ahead.h); the
  // link's waits then stay waits. A stream not in by the time its region is written is made then.
  bool host_deflates = false;
  bool verify = true;               // MD5 after write (--no-verify-hash... our opt-out)
  bool skip_unchanged = false;
  bool erase_all = false;
  bool force = false;
  bool diff = false;           // verify_flash --diff yes
  uint32_t address = 0;        // read_flash, erase_region, read_mem, write_mem, dump_mem
  uint32_t size = 0;           // read_flash (0xFFFFFFFF = ALL), erase_region, dump_mem
  uint32_t value = 0;          // write_mem, write_flash_status
  uint32_t mask = 0xFFFFFFFF;  // write_mem
  uint32_t status_bytes = 2;   // read/write_flash_status --bytes
  bool non_volatile = false;   // write_flash_status --non-volatile
  Bytes image;                 // load_ram
};

// Runs the whole command. Facts land in link.report().facts (chip, mac, flash id ...), read
// bytes in link.report().data.
engine::Task<Status> run_device_command(engine::Link& link, DeviceRequest request);

}  // namespace esptool::ops
