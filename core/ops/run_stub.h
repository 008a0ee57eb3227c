// Uploads the flasher stub to RAM and starts it (serial-protocol.md §7.4): MEM_BEGIN/MEM_DATA for
// text then data, MEM_END(entry), then the stub's "OHAI" frame.
#pragma once

#include <map>
#include <string>

#include "core/engine/link.h"
#include "core/stub/stub_binary.h"

namespace esptool::ops {

inline constexpr uint32_t kRamBlockSize = 0x1800;  // ESP_RAM_BLOCK (0x800 on USB-OTG)

engine::Task<Status> run_stub(engine::Link& link, const stub::StubImage& stub);

// esptool main()'s stub step: says so and does nothing when a stub already runs, in Secure
// Download Mode, or where esptool disables the stub; otherwise picks the detected chip's file
// from `stubs` (converted stubs by name) and runs it. Not there and `on_demand`: asks the driver
// for that one file (engine::LoadStub). No file for the chip: ROM only, with a warning.
engine::Task<Status> start_stub(engine::Link& link, const stub::StubFiles& stubs,
                                bool on_demand = false);

// Writes `data` to RAM at `address` with MEM_BEGIN/MEM_DATA (load_ram uses it per segment).
engine::Task<Status> write_ram(engine::Link& link, uint32_t address, const Bytes& data,
                               const char* progress_stage);

}  // namespace esptool::ops
