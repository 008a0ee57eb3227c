// Embind: the offline image tools for the JS API (web/src/index.js). Options arrive as plain
// objects whose absent keys keep the C++ defaults; results are {ok, value} | {ok:false, error}.
#include <emscripten/bind.h>

#include "core/chips/chip.h"
#include "core/cli/values.h"
#include "core/image/elf2image.h"
#include "core/image/image_info.h"
#include "core/image/make_image.h"
#include "core/image/merge_bin.h"
#include "wasm/convert.h"

namespace {

using emscripten::val;
using namespace esptool;
using namespace esptool::wasm;

// Size options take a byte count or esptool's "4MB"/"64KB" spelling.
Status read_size(const val& o, const char* key, std::optional<uint32_t>& out) {
  if (!has(o, key)) return Status::Ok();
  if (o[key].isString()) {
    ESPT_ASSIGN(bytes, cli::flash_size_bytes(o[key].as<std::string>()));
    out = bytes;
  } else {
    out = o[key].as<uint32_t>();
  }
  return Status::Ok();
}

val elf2image(val elf, val o) {
  image::Elf2ImageOptions opts;
  read(o, "chip", opts.chip);
  read(o, "inputName", opts.input_name);
  read(o, "output", opts.output);
  read(o, "version", opts.version);
  read(o, "flashMode", opts.flash_mode);
  read(o, "flashFreq", opts.flash_freq);
  read(o, "flashSize", opts.flash_size);
  read(o, "useSegments", opts.use_segments);
  read(o, "minRev", opts.min_rev);
  read(o, "minRevFull", opts.min_rev_full);
  read(o, "maxRevFull", opts.max_rev_full);
  read(o, "securePad", opts.secure_pad);
  read(o, "securePadV2", opts.secure_pad_v2);
  read(o, "elfSha256Offset", opts.elf_sha256_offset);
  read(o, "dontAppendDigest", opts.dont_append_digest);
  read(o, "ramOnlyHeader", opts.ram_only_header);
  if (Status s = read_size(o, "padToSize", opts.pad_to_size); !s.ok()) return fail(s.error());
  if (Status s = read_size(o, "flashMmuPageSize", opts.flash_mmu_page_size); !s.ok()) {
    return fail(s.error());
  }
  return to_result(image::elf2image(to_bytes(elf), opts), command_output);
}

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

val image_info_object(const image::ImageInfo& info, const image::ImageInfoOptions& opts) {
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

val image_info(val bytes, val o) {
  image::ImageInfoOptions opts;
  read(o, "chip", opts.chip);
  read(o, "version", opts.version);
  return to_result(image::image_info(to_bytes(bytes), opts),
                   [&](const image::ImageInfo& info) { return image_info_object(info, opts); });
}

val merge_bin(val files, val o) {
  image::MergeBinOptions opts;
  read(o, "chip", opts.chip);
  read(o, "output", opts.output);
  read(o, "format", opts.format);
  read(o, "flashMode", opts.flash_mode);
  read(o, "flashFreq", opts.flash_freq);
  read(o, "flashSize", opts.flash_size);
  read(o, "targetOffset", opts.target_offset);
  read(o, "chunkSize", opts.chunk_size);
  read(o, "md5Disable", opts.md5_disable);
  if (Status s = read_size(o, "fillFlashSize", opts.fill_flash_size); !s.ok()) {
    return fail(s.error());
  }
  std::vector<image::AddressedFile> inputs;
  const unsigned n = files["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const val f = files[i];
    image::AddressedFile file{f["address"].as<uint32_t>(), "", to_bytes(f["data"])};
    read(f, "name", file.name);
    inputs.push_back(std::move(file));
  }
  return to_result(image::merge_bin(std::move(inputs), opts), command_output);
}

val make_image(val segments, val o) {
  image::MakeImageOptions opts;
  read(o, "output", opts.output);
  read(o, "entry", opts.entry);
  read(o, "chip", opts.chip);
  const unsigned n = segments["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    opts.segments.emplace_back(segments[i]["address"].as<uint32_t>(),
                               to_bytes(segments[i]["data"]));
  }
  return to_result(image::make_image(opts), command_output);
}

}  // namespace

EMSCRIPTEN_BINDINGS(esptool_image) {
  emscripten::function("elf2image", &elf2image);
  emscripten::function("imageInfo", &image_info);
  emscripten::function("mergeBin", &merge_bin);
  emscripten::function("makeImage", &make_image);
}
