// read_mem / write_mem / dump_mem / load_ram / run (cmds.py@v4.8.1) over READ_REG, WRITE_REG and
// the MEM_* RAM download.
#pragma once

#include "core/engine/link.h"

namespace esptool::ops {

engine::Task<Status> read_mem(engine::Link& link, uint32_t address);
engine::Task<Status> write_mem(engine::Link& link, uint32_t address, uint32_t value, uint32_t mask);
// Reads `size` bytes word by word into the report's data.
engine::Task<Status> dump_mem(engine::Link& link, uint32_t address, uint32_t size);
// Loads every segment of an ESP image into RAM and jumps to its entry point; no reset after.
engine::Task<Status> load_ram(engine::Link& link, const Bytes& image);
// Leaves the loader and runs the application in flash.
engine::Task<Status> run_app(engine::Link& link);

}  // namespace esptool::ops
