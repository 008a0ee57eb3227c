// Uploads the flasher stub to RAM and starts it (serial-protocol.md §7.4): MEM_BEGIN/MEM_DATA for
// text then data, MEM_END(entry), then the stub's "OHAI" frame.
#pragma once

#include "core/engine/link.h"
#include "core/stub/stub_json.h"

namespace esptool::ops {

inline constexpr uint32_t kRamBlockSize = 0x1800;  // ESP_RAM_BLOCK (0x800 on USB-OTG)

engine::Task<Status> run_stub(engine::Link& link, const stub::StubImage& stub);

// Writes `data` to RAM at `address` with MEM_BEGIN/MEM_DATA (load_ram uses it per segment).
engine::Task<Status> write_ram(engine::Link& link, uint32_t address, const Bytes& data,
                               const char* progress_stage);

}  // namespace esptool::ops
