#include "core/cli/progress_text.h"

#include "core/base/bytes.h"

namespace esptool::cli {

std::string ProgressText::line(const engine::Progress& p) {
  if (p.stage != stage_ || p.offset != offset_ || p.done < done_) done_ = 0;
  const uint64_t before = done_;
  stage_ = p.stage;
  offset_ = p.offset;
  done_ = p.done;
  const int percent = p.total == 0 ? 100 : int(p.done * 100 / p.total);
  // cmds.py write_flash@v4.8.1: "Writing at 0x%08x... (%d %%)" % (address + bytes_written, ...)
  if (p.stage == "write") {
    return strprintf("Writing at 0x%08x... (%d %%)", uint32_t(p.offset + before), percent);
  }
  // cmds.py read_flash@v4.8.1 flash_progress: "%d (%d %%)" % (progress, progress * 100.0 / length)
  if (p.stage == "read") return strprintf("%llu (%d %%)", (unsigned long long)p.done, percent);
  // cmds.py dump_mem@v4.8.1: "%d bytes read... (%d %%)"
  if (p.stage == "dump") {
    return strprintf("%llu bytes read... (%d %%)", (unsigned long long)p.done, percent);
  }
  // write_flash --skip-unchanged (our extension): the MD5 comparison pass.
  if (p.stage == "compare") {
    return strprintf("Comparing at 0x%08x... (%d %%)", uint32_t(p.offset + before), percent);
  }
  return "";
}

}  // namespace esptool::cli
