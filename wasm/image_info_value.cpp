// Field names follow web/types/index.d.ts; names of codes (flash size, memory types, chip) are
// looked up in the chip table so the page shows esptool's words without knowing any table.
#include "wasm/image_info_value.h"

#include "core/chips/chip.h"
#include "wasm/convert.h"

namespace esptool::wasm {
namespace {

val segment_object(const image::Segment& s, const chips::ChipInfo& chip, size_t index) {
  val v = val::object();
  v.set("index", unsigned(index));
  v.set("address", s.address);
  v.set("length", unsigned(s.data.size()));
  v.set("fileOffset", s.file_offset);
  v.set("memoryTypes", to_js_strings(chip.memory_names(s.address)));
  return v;
}

val extended_object(const image::ExtendedHeader& x) {
  val v = val::object();
  v.set("wpPin", x.wp_pin);
  v.set("clkDrv", x.clk_drv);
  v.set("qDrv", x.q_drv);
  v.set("dDrv", x.d_drv);
  v.set("csDrv", x.cs_drv);
  v.set("hdDrv", x.hd_drv);
  v.set("wpDrv", x.wp_drv);
  v.set("chipId", x.chip_id);
  const chips::ChipInfo* owner = chips::find_chip_by_image_id(x.chip_id);
  v.set("chipIdName", owner ? val(std::string(owner->name)) : val::null());
  v.set("minRev", x.min_rev);
  v.set("minRevFull", x.min_rev_full);
  v.set("maxRevFull", x.max_rev_full);
  v.set("appendDigest", x.append_digest);
  return v;
}

val name_or_null(const char* name) { return name ? val(std::string(name)) : val::null(); }

}  // namespace

val image_info_value(const image::ImageInfo& info, const image::ImageInfoOptions& opts) {
  const image::ParsedImage& img = info.image;
  val v = val::object();
  v.set("fileSize", info.file_size);
  v.set("chip", std::string(img.chip->key));
  v.set("chipName", std::string(img.chip->name));
  v.set("chipDetected", info.chip_detected);
  v.set("imageVersion", img.image_version);
  v.set("entry", img.entry);
  v.set("flashMode", img.flash_mode);
  v.set("flashModeName", name_or_null(chips::flash_mode_name(img.flash_mode)));
  v.set("flashSizeFreq", img.flash_size_freq);
  v.set("flashSizeName", name_or_null(img.chip->flash_size_name(img.flash_size_freq & 0xF0)));
  v.set("flashFreqName", name_or_null(img.chip->flash_freq_name(img.flash_size_freq & 0x0F)));
  v.set("extended", img.extended ? extended_object(*img.extended) : val::null());
  val segments = val::array();
  for (size_t i = 0; i < img.segments.size(); ++i) {
    segments.call<void>("push", segment_object(img.segments[i], *img.chip, i));
  }
  v.set("segments", segments);
  val checksum = val::object();
  checksum.set("stored", img.stored_checksum);
  checksum.set("calculated", img.calculated_checksum);
  checksum.set("valid", img.checksum_valid());
  v.set("checksum", checksum);
  v.set("dataLength", img.data_length);
  if (img.stored_sha256) {
    val sha = val::object();
    sha.set("stored", to_hex(*img.stored_sha256));
    sha.set("calculated", to_hex(img.calculated_sha256));
    sha.set("valid", img.sha256_valid());
    v.set("sha256", sha);
  } else {
    v.set("sha256", val::null());
  }
  if (info.app) {
    val app = val::object();
    app.set("secureVersion", info.app->secure_version);
    app.set("version", info.app->version);
    app.set("projectName", info.app->project_name);
    app.set("time", info.app->time);
    app.set("date", info.app->date);
    app.set("idfVer", info.app->idf_ver);
    app.set("appElfSha256", to_hex(info.app->app_elf_sha256));
    v.set("app", app);
  } else {
    v.set("app", val::null());
  }
  if (info.bootloader) {
    val boot = val::object();
    boot.set("version", info.bootloader->version);
    boot.set("idfVer", info.bootloader->idf_ver);
    boot.set("dateTime", info.bootloader->date_time);
    v.set("bootloader", boot);
  } else {
    v.set("bootloader", val::null());
  }
  v.set("warnings", to_js_strings(img.warnings));
  v.set("lines", to_js_strings(image::render_image_info(info, opts)));
  return v;
}

}  // namespace esptool::wasm
