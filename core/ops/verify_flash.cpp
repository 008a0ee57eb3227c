#include "core/ops/verify_flash.h"

#include "core/ops/flash_md5.h"
#include "core/ops/read_flash.h"
#include "core/util/md5.h"

namespace esptool::ops {
namespace {

constexpr size_t kMaxDiffLines = 100;

engine::Task<Result<bool>> verify_one(engine::Link& link, const FlashFile& f, Bytes data, bool diff) {
  link.log(strprintf("Verifying 0x%zx (%zu) bytes @ 0x%08x in flash against %s...", data.size(),
                     data.size(), f.offset, f.name.c_str()));
  Result<Bytes> device = co_await flash_md5(link, f.offset, uint32_t(data.size()));
  if (!device.ok()) co_return device.error();
  if (device.value() == util::md5(data)) {
    link.log("-- verify OK (digest matched)");
    co_return true;
  }
  if (!diff) {
    link.log("-- verify FAILED (digest mismatch)");
    co_return false;
  }
  Result<Bytes> flash = co_await read_flash(link, f.offset, uint32_t(data.size()));
  if (!flash.ok()) co_return flash.error();
  size_t differences = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    if (flash.value()[i] == data[i]) continue;
    if (differences < kMaxDiffLines) {
      link.log(strprintf("   %08zx %02x %02x", f.offset + i, flash.value()[i], data[i]));
    }
    ++differences;
  }
  link.log(strprintf("-- verify FAILED: %zu differences", differences));
  co_return false;
}

}  // namespace

engine::Task<Status> verify_flash(engine::Link& link, std::vector<FlashFile> files,
                                  image::FlashParamsRequest flash_params, bool diff) {
  const engine::Session& s = link.session();
  if (!s.is_stub && s.chip && s.chip->is_esp8266) {
    co_return make_error(Errc::kUnsupportedCommand, "ESP8266 ROM does not support function flash_md5sum.",
                         "Run without --no-stub.");
  }
  bool all_ok = true;
  for (const FlashFile& f : files) {
    Bytes data = f.data;
    data.resize(align_up(uint32_t(data.size()), 4), 0xFF);
    std::vector<std::string> lines;
    if (s.chip != nullptr) {
      Status patched = image::update_image_flash_params(data, f.offset, *s.chip, flash_params, lines);
      for (const std::string& l : lines) link.log(l);
      if (!patched.ok()) co_return patched;
    }
    Result<bool> ok = co_await verify_one(link, f, std::move(data), diff);
    if (!ok.ok()) co_return ok.error();
    all_ok = all_ok && ok.value();
  }
  if (!all_ok) co_return make_error(Errc::kDigestMismatch, "Verify failed.");
  co_return Status::Ok();
}

}  // namespace esptool::ops
