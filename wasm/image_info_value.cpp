// Field names follow web/types/index.d.ts; names of codes (flash size, memory types, chip) are
// looked up in the chip table so the page shows esptool's words without knowing any table.
#include "wasm/image_info_value.h"

#include "core/chips/chip.h"

namespace esptool::wasm {
namespace {

void write_name(JsonWriter& w, const char* name) { name ? w.value(name) : w.null(); }

void write_segment(JsonWriter& w, const image::Segment& s, const chips::ChipInfo& chip,
                   size_t index) {
  w.begin_object();
  w.key("index").value(uint32_t(index));
  w.key("address").value(s.address);
  w.key("length").value(uint32_t(s.data.size()));
  w.key("fileOffset").value(uint32_t(s.file_offset));
  write_strings(w.key("memoryTypes"), chip.memory_names(s.address));
  w.end_object();
}

void write_extended(JsonWriter& w, const image::ExtendedHeader& x) {
  w.begin_object();
  w.key("wpPin").value(x.wp_pin);
  w.key("clkDrv").value(x.clk_drv);
  w.key("qDrv").value(x.q_drv);
  w.key("dDrv").value(x.d_drv);
  w.key("csDrv").value(x.cs_drv);
  w.key("hdDrv").value(x.hd_drv);
  w.key("wpDrv").value(x.wp_drv);
  w.key("chipId").value(x.chip_id);
  const chips::ChipInfo* owner = chips::find_chip_by_image_id(x.chip_id);
  write_name(w.key("chipIdName"), owner ? owner->name : nullptr);
  w.key("minRev").value(x.min_rev);
  w.key("minRevFull").value(x.min_rev_full);
  w.key("maxRevFull").value(x.max_rev_full);
  w.key("appendDigest").value(x.append_digest);
  w.end_object();
}

}  // namespace

void write_image_info(JsonWriter& w, const image::ImageInfo& info,
                      const image::ImageInfoOptions& opts) {
  const image::ParsedImage& img = info.image;
  w.begin_object();
  w.key("fileSize").value(uint32_t(info.file_size));
  w.key("chip").value(img.chip->key);
  w.key("chipName").value(img.chip->name);
  w.key("chipDetected").value(info.chip_detected);
  w.key("imageVersion").value(img.image_version);
  w.key("entry").value(img.entry);
  w.key("flashMode").value(img.flash_mode);
  write_name(w.key("flashModeName"), chips::flash_mode_name(img.flash_mode));
  w.key("flashSizeFreq").value(img.flash_size_freq);
  write_name(w.key("flashSizeName"), img.chip->flash_size_name(img.flash_size_freq & 0xF0));
  write_name(w.key("flashFreqName"), img.chip->flash_freq_name(img.flash_size_freq & 0x0F));
  w.key("extended");
  img.extended ? write_extended(w, *img.extended) : void(w.null());
  w.key("segments").begin_array();
  for (size_t i = 0; i < img.segments.size(); ++i) write_segment(w, img.segments[i], *img.chip, i);
  w.end_array();
  w.key("checksum").begin_object();
  w.key("stored").value(img.stored_checksum);
  w.key("calculated").value(img.calculated_checksum);
  w.key("valid").value(img.checksum_valid());
  w.end_object();
  w.key("dataLength").value(uint32_t(img.data_length));
  w.key("sha256");
  if (img.stored_sha256) {
    w.begin_object();
    w.key("stored").value(to_hex(*img.stored_sha256));
    w.key("calculated").value(to_hex(img.calculated_sha256));
    w.key("valid").value(img.sha256_valid());
    w.end_object();
  } else {
    w.null();
  }
  w.key("app");
  if (info.app) {
    w.begin_object();
    w.key("secureVersion").value(info.app->secure_version);
    w.key("version").value(info.app->version);
    w.key("projectName").value(info.app->project_name);
    w.key("time").value(info.app->time);
    w.key("date").value(info.app->date);
    w.key("idfVer").value(info.app->idf_ver);
    w.key("appElfSha256").value(to_hex(info.app->app_elf_sha256));
    w.end_object();
  } else {
    w.null();
  }
  w.key("bootloader");
  if (info.bootloader) {
    w.begin_object();
    w.key("version").value(info.bootloader->version);
    w.key("idfVer").value(info.bootloader->idf_ver);
    w.key("dateTime").value(info.bootloader->date_time);
    w.end_object();
  } else {
    w.null();
  }
  write_strings(w.key("warnings"), img.warnings);
  write_strings(w.key("lines"), image::render_image_info(info, opts));
  w.end_object();
}

}  // namespace esptool::wasm
