#include "core/ops/erase.h"

#include "core/proto/commands.h"
#include "core/proto/timeouts.h"

namespace esptool::ops {
namespace {

// loader.py @stub_function_only: "<chip> ROM does not support function <name>."
// In Secure Download Mode the stub cannot run (esptool troubleshooting.rst, "Secure Download Mode
// Limitations": writing 0xFF bytes is the way to clear flash there).
Error needs_stub(const engine::Session& s, const char* function) {
  return make_error(Errc::kUnsupportedCommand,
                    strprintf("%s ROM does not support function %s.",
                              s.chip ? s.chip->name : "This", function),
                    s.secure_download_mode
                        ? "The chip is in Secure Download Mode (an eFuse, which cannot be undone), "
                          "where the flasher stub cannot run: to clear a region, write_flash a "
                          "file of 0xFF bytes over it."
                        : "Run without --no-stub.");
}

}  // namespace

engine::Task<Status> erase_flash(engine::Link& link) {
  if (!link.session().is_stub) co_return needs_stub(link.session(), "erase_flash");
  link.log("Erasing flash (this may take a while)...");
  const engine::Millis start = link.now();
  Result<Bytes> r = co_await link.call(proto::Opcode::kEraseFlash, Bytes{}, proto::kChipEraseTimeoutMs);
  if (!r.ok()) co_return r.error();
  link.log(strprintf("Chip erase completed successfully in %ss",
                     fixed_point((link.now() - start) / 1000.0, 1).c_str()));
  co_return Status::Ok();
}

engine::Task<Status> erase_region(engine::Link& link, uint32_t offset, uint32_t size) {
  if (offset % 4096 != 0) {
    co_return make_error(Errc::kBadArgument, "Offset to erase from must be a multiple of 4096");
  }
  if (size % 4096 != 0) {
    co_return make_error(Errc::kBadArgument, "Size of data to erase must be a multiple of 4096");
  }
  if (!link.session().is_stub) co_return needs_stub(link.session(), "erase_region");
  link.log("Erasing region (may be slow depending on size)...");
  const engine::Millis start = link.now();
  proto::EraseRegion cmd{offset, size};
  Result<Bytes> r = co_await link.call(cmd, proto::timeout_per_mb(proto::kEraseRegionTimeoutPerMbMs, size));
  if (!r.ok()) co_return r.error();
  link.log(strprintf("Erase completed successfully in %s seconds.",
                     fixed_point((link.now() - start) / 1000.0, 1).c_str()));
  co_return Status::Ok();
}

}  // namespace esptool::ops
