// Calls (wasm/c_abi.h): the offline image tools for the JS API (web/src/index.js). Options arrive
// as plain objects whose absent keys keep the C++ defaults; results are {ok, value} | {ok: false,
// error}, each output file's bytes a fresh Uint8Array.
#include "core/chips/chip.h"
#include "core/cli/values.h"
#include "core/image/elf2image.h"
#include "core/image/idf_build_args.h"
#include "core/image/image_info.h"
#include "core/image/make_image.h"
#include "core/image/merge_bin.h"
#include "core/stub/stub_binary.h"
#include "core/stub/stub_json.h"
#include "wasm/c_abi.h"
#include "wasm/image_info_value.h"

namespace esptool::wasm {
namespace {

// Size options take a byte count or esptool's "4MB"/"64KB" spelling.
Status read_size(const JsonValue& o, const char* key, std::optional<uint32_t>& out) {
  if (!o.has(key)) return Status::Ok();
  if (o[key].is_string()) {
    ESPT_ASSIGN(bytes, cli::flash_size_bytes(o[key].as_string()));
    out = bytes;
  } else {
    read(o, key, out);
  }
  return Status::Ok();
}

// {lines: string[], files: [{name, data: Uint8Array}]}, moving the files' bytes out.
void write_command_output(Call& c, Result<image::CommandOutput> r) {
  if (!r.ok()) return write_status(c.out(), r.error());
  image::CommandOutput out = std::move(r).value();
  JsonWriter& w = c.out().begin_object().key("ok").value(true).key("value").begin_object();
  write_strings(w.key("lines"), out.lines);
  w.key("files").begin_array();
  for (image::OutputFile& f : out.files) {
    w.begin_object().key("name").value(f.name).key("data");
    c.put_bytes(std::move(f.data));
    w.end_object();
  }
  w.end_array().end_object().end_object();
}

void elf2image(Call& c) {
  const Bytes elf = c.bytes_arg(0);
  const JsonValue& o = c.arg(1);
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
  Status sizes = read_size(o, "padToSize", opts.pad_to_size);
  if (sizes.ok()) sizes = read_size(o, "flashMmuPageSize", opts.flash_mmu_page_size);
  if (!sizes.ok()) return write_status(c.out(), sizes);
  write_command_output(c, image::elf2image(elf, opts));
}

void image_info(Call& c) {
  const Bytes bytes = c.bytes_arg(0);
  image::ImageInfoOptions opts;
  read(c.arg(1), "chip", opts.chip);
  read(c.arg(1), "version", opts.version);
  write_result(
      c.out(), image::image_info(bytes, opts),
      [&](JsonWriter& w, const image::ImageInfo& info) { write_image_info(w, info, opts); });
}

void merge_bin(Call& c) {
  const JsonValue& list = c.arg(0);
  const JsonValue& o = c.arg(1);
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
    return write_status(c.out(), s);
  }
  std::vector<image::AddressedFile> inputs;
  for (size_t i = 0; i < list.size(); ++i) {
    const JsonValue& f = list[i];
    image::AddressedFile file{0, "", c.bytes(f["data"])};
    read(f, "address", file.address);
    read(f, "name", file.name);
    inputs.push_back(std::move(file));
  }
  write_command_output(c, image::merge_bin(std::move(inputs), opts));
}

void make_image(Call& c) {
  const JsonValue& list = c.arg(0);
  image::MakeImageOptions opts;
  read(c.arg(1), "output", opts.output);
  read(c.arg(1), "entry", opts.entry);
  read(c.arg(1), "chip", opts.chip);
  for (size_t i = 0; i < list.size(); ++i) {
    uint32_t address = 0;
    read(list[i], "address", address);
    opts.segments.emplace_back(address, c.bytes(list[i]["data"]));
  }
  write_command_output(c, image::make_image(opts));
}

void write_optional(JsonWriter& w, const std::optional<std::string>& s) {
  s ? w.value(*s) : w.null();
}

void write_idf_build_args(JsonWriter& w, const image::IdfBuildArgs& a) {
  w.begin_object();
  write_optional(w.key("chip"), a.chip);
  write_optional(w.key("flashMode"), a.flash_mode);
  write_optional(w.key("flashFreq"), a.flash_freq);
  write_optional(w.key("flashSize"), a.flash_size);
  w.key("files").begin_array();
  for (const auto& f : a.files) {
    w.begin_object().key("offset").value(f.offset).key("path").value(f.path).end_object();
  }
  w.end_array().end_object();
}

void parse_flash_args(Call& c) {
  write_result(c.out(), image::parse_flash_args(c.arg(0).as_string()), write_idf_build_args);
}
void parse_flasher_args_json(Call& c) {
  write_result(c.out(), image::parse_flasher_args_json(c.arg(0).as_string()), write_idf_build_args);
}
void parse_idf_build_args(Call& c) {
  write_result(c.out(), image::parse_idf_build_args(c.arg(0).as_string()), write_idf_build_args);
}

void stub_json_to_binary(Call& c) {
  auto converted = stub::convert_stub_json(c.arg(0).as_string());
  if (!converted.ok()) return write_status(c.out(), converted.error());
  c.out().begin_object().key("ok").value(true).key("value");
  c.put_bytes(std::move(converted).value());
  c.out().end_object();
}

void stub_binary_name(Call& c) { c.out().value(stub::stub_binary_name(c.arg(0).as_string())); }

const CallEntry kCalls[] = {
    {"stubJsonToBinary", stub_json_to_binary},
    {"stubBinaryName", stub_binary_name},
    {"parseFlashArgs", parse_flash_args},
    {"parseFlasherArgsJson", parse_flasher_args_json},
    {"parseIdfBuildArgs", parse_idf_build_args},
    {"elf2image", elf2image},
    {"imageInfo", image_info},
    {"mergeBin", merge_bin},
    {"makeImage", make_image},
};
const RegisterCalls kRegistered(kCalls, std::size(kCalls));

}  // namespace
}  // namespace esptool::wasm
