// Embind: the offline image tools for the JS API (web/src/index.js). Options arrive as plain
// objects whose absent keys keep the C++ defaults; results are {ok, value} | {ok:false, error}.
#include <emscripten/bind.h>

#include "core/chips/chip.h"
#include "core/cli/values.h"
#include "core/image/elf2image.h"
#include "core/image/idf_build_args.h"
#include "core/image/image_info.h"
#include "core/image/make_image.h"
#include "core/image/merge_bin.h"
#include "core/stub/stub_binary.h"
#include "core/stub/stub_json.h"
#include "wasm/convert.h"
#include "wasm/image_info_value.h"

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

val image_info(val bytes, val o) {
  image::ImageInfoOptions opts;
  read(o, "chip", opts.chip);
  read(o, "version", opts.version);
  return to_result(image::image_info(to_bytes(bytes), opts),
                   [&](const image::ImageInfo& info) { return image_info_value(info, opts); });
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

val optional_string(const std::optional<std::string>& s) { return s ? val(*s) : val::null(); }

val idf_build_args_value(const image::IdfBuildArgs& a) {
  val v = val::object();
  v.set("chip", optional_string(a.chip));
  v.set("flashMode", optional_string(a.flash_mode));
  v.set("flashFreq", optional_string(a.flash_freq));
  v.set("flashSize", optional_string(a.flash_size));
  val files = val::array();
  for (const auto& f : a.files) {
    val file = val::object();
    file.set("offset", f.offset);
    file.set("path", f.path);
    files.call<void>("push", file);
  }
  v.set("files", files);
  return v;
}

val parse_flash_args(std::string text) {
  return to_result(image::parse_flash_args(text), idf_build_args_value);
}
val parse_flasher_args_json(std::string text) {
  return to_result(image::parse_flasher_args_json(text), idf_build_args_value);
}
val parse_idf_build_args(std::string text) {
  return to_result(image::parse_idf_build_args(text), idf_build_args_value);
}

val stub_json_to_binary(std::string text) {
  return to_result(stub::convert_stub_json(text), [](const Bytes& b) { return to_uint8array(b); });
}

std::string stub_binary_name(std::string json_name) { return stub::stub_binary_name(json_name); }

}  // namespace

EMSCRIPTEN_BINDINGS(esptool_image) {
  emscripten::function("stubJsonToBinary", &stub_json_to_binary);
  emscripten::function("stubBinaryName", &stub_binary_name);
  emscripten::function("parseFlashArgs", &parse_flash_args);
  emscripten::function("parseFlasherArgsJson", &parse_flasher_args_json);
  emscripten::function("parseIdfBuildArgs", &parse_idf_build_args);
  emscripten::function("elf2image", &elf2image);
  emscripten::function("imageInfo", &image_info);
  emscripten::function("mergeBin", &merge_bin);
  emscripten::function("makeImage", &make_image);
}
