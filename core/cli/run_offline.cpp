// ParsedCommand -> core option structs -> core/image functions. Conversions that esptool does
// while running (flash_size_bytes, pairing -f/-a) fail here, after the banner, as there.
#include "core/cli/run_offline.h"

#include <algorithm>
#include <utility>

#include "core/cli/values.h"
#include "core/cli/version.h"
#include "core/image/elf2image.h"
#include "core/image/image_info.h"
#include "core/image/make_image.h"
#include "core/image/merge_bin.h"
#include "core/util/py_int.h"

namespace esptool::cli {
namespace {

using image::CommandOutput;

Result<const Bytes*> input(const InputFiles& inputs, const std::string& path) {
  auto it = inputs.find(path);
  if (it == inputs.end()) {
    return make_error(Errc::kFileNotFound,
                      strprintf("File not found or not readable: '%s'", path.c_str()));
  }
  return &it->second;
}

Result<uint32_t> to_u32(std::optional<int64_t> v, const char* what) {
  if (!v || *v < 0 || *v > int64_t(UINT32_MAX)) {
    return make_error(Errc::kBadArgument, strprintf("%s is out of range (0 to 0xffffffff)", what));
  }
  return uint32_t(*v);
}

Result<CommandOutput> run_elf2image(const ParsedCommand& cmd, const InputFiles& inputs) {
  image::Elf2ImageOptions o;
  o.chip = cmd.chip();
  o.input_name = cmd.get("input").value_or("");
  o.output = cmd.get("output");
  o.version = int(cmd.get_int("version").value_or(1));
  o.flash_mode = cmd.get("flash_mode").value_or("qio");
  o.flash_freq = cmd.get("flash_freq");
  o.flash_size = cmd.get("flash_size").value_or("1MB");
  o.use_segments = cmd.flag("use_segments");
  o.min_rev = uint8_t(cmd.get_int("min_rev").value_or(0));
  o.min_rev_full = uint16_t(cmd.get_int("min_rev_full").value_or(0));
  o.max_rev_full = uint16_t(cmd.get_int("max_rev_full").value_or(0xFFFF));
  o.secure_pad = cmd.flag("secure_pad");
  o.secure_pad_v2 = cmd.flag("secure_pad_v2");
  // esptool tests `if args.elf_sha256_offset:`, so an offset of 0 means "not set".
  if (cmd.get_int("elf_sha256_offset").value_or(0) != 0) {
    ESPT_ASSIGN(offset, to_u32(cmd.get_int("elf_sha256_offset"), "--elf-sha256-offset"));
    o.elf_sha256_offset = offset;
  }
  o.dont_append_digest = cmd.flag("dont_append_digest");
  if (auto pad = cmd.get("pad_to_size"); pad && !pad->empty()) {
    ESPT_ASSIGN(bytes, flash_size_bytes(*pad));
    o.pad_to_size = bytes;
  }
  o.ram_only_header = cmd.flag("ram_only_header");
  if (auto page = cmd.get("flash_mmu_page_size")) {
    ESPT_ASSIGN(bytes, flash_size_bytes(*page));
    o.flash_mmu_page_size = bytes;
  }
  ESPT_ASSIGN(elf, input(inputs, o.input_name));
  return image::elf2image(*elf, o);
}

Result<CommandOutput> run_image_info(const ParsedCommand& cmd, const InputFiles& inputs) {
  image::ImageInfoOptions o;
  o.chip = cmd.chip();
  o.version = int(cmd.get_int("version").value_or(1));
  ESPT_ASSIGN(bytes, input(inputs, cmd.get("filename").value_or("")));
  ESPT_ASSIGN(info, image::image_info(*bytes, o));
  return CommandOutput{image::render_image_info(info, o), {}};
}

Result<CommandOutput> run_make_image(const ParsedCommand& cmd, const InputFiles& inputs) {
  const auto files = cmd.list("segfile");
  const auto addresses = cmd.list("segaddr");
  if (files.empty()) return make_error(Errc::kBadArgument, "No segments specified");
  if (files.size() != addresses.size()) {
    return make_error(Errc::kBadArgument,
                      "Number of specified files does not match number of specified addresses");
  }
  image::MakeImageOptions o;
  o.output = cmd.get("output").value_or("");
  o.chip = cmd.chip();
  ESPT_ASSIGN(entry, to_u32(cmd.get_int("entrypoint"), "--entrypoint"));
  o.entry = entry;
  for (size_t i = 0; i < files.size(); ++i) {
    ESPT_ASSIGN(address, to_u32(util::parse_decimal_int(addresses[i]), "--segaddr"));
    ESPT_ASSIGN(data, input(inputs, files[i]));
    o.segments.emplace_back(address, *data);
  }
  return image::make_image(o);
}

Result<CommandOutput> run_merge_bin(const ParsedCommand& cmd, InputFiles& inputs) {
  image::MergeBinOptions o;
  o.chip = cmd.chip();
  o.output = cmd.get("output").value_or("");
  o.format = cmd.get("format").value_or("raw");
  o.flash_mode = cmd.get("flash_mode").value_or("keep");
  o.flash_freq = cmd.get("flash_freq").value_or("keep");
  o.flash_size = cmd.get("flash_size").value_or("keep");
  ESPT_ASSIGN(target, to_u32(cmd.get_int("target_offset"), "--target-offset"));
  o.target_offset = target;
  if (auto fill = cmd.get("fill_flash_size")) {
    ESPT_ASSIGN(bytes, flash_size_bytes(*fill));
    o.fill_flash_size = bytes;
  }
  if (cmd.get("chunk_size")) {
    ESPT_ASSIGN(chunk, to_u32(cmd.get_int("chunk_size"), "--chunk-size"));
    o.chunk_size = chunk;
  }
  o.md5_disable = cmd.flag("md5_disable");
  o.output_pieces = true;  // both CLIs write a raw image piece by piece
  std::vector<image::AddressedFile> files;
  const auto pairs = cmd.address_files();
  for (size_t i = 0; i < pairs.size(); ++i) {
    ESPT_ASSIGN(data, input(inputs, pairs[i].path));
    // Moved, not copied (a 4 MB app), unless a later pair names the same file again.
    const bool named_again = std::any_of(pairs.begin() + long(i) + 1, pairs.end(),
                                         [&](const auto& p) { return p.path == pairs[i].path; });
    // Spelled as two branches: `named_again ? *data : std::move(...)` is a const lvalue, so
    // both arms copied.
    Bytes bytes;
    if (named_again) {
      bytes = *data;
    } else {
      bytes = std::move(inputs.at(pairs[i].path));
    }
    files.push_back({pairs[i].address, pairs[i].path, std::move(bytes)});
  }
  return image::merge_bin(std::move(files), o);
}

Result<CommandOutput> dispatch(const ParsedCommand& cmd, InputFiles& inputs) {
  if (cmd.command == "elf2image") return run_elf2image(cmd, inputs);
  if (cmd.command == "image_info") return run_image_info(cmd, inputs);
  if (cmd.command == "make_image") return run_make_image(cmd, inputs);
  if (cmd.command == "merge_bin") return run_merge_bin(cmd, inputs);
  return make_error(Errc::kBadArgument,
                    strprintf("The %s command needs a device connection, which this build does "
                              "not support yet",
                              cmd.command.c_str()),
                    "Offline commands work now: elf2image, image_info, merge_bin, make_image.");
}

}  // namespace

// Our name and version, then the esptool.py release matched, so a script grepping for
// "esptool.py v4.8.1" still finds it.
std::string banner_line() {
  return strprintf("esptool-wasm v%s (esptool.py v%s compatible)", kVersion, kEsptoolVersion);
}

Error write_failed(const std::string& path) {
  return make_error(Errc::kFileNotFound, strprintf("Could not write '%s'", path.c_str()));
}

std::string fatal_error_line(const Error& error) {
  return "A fatal error occurred: " + error.message();
}

std::vector<std::string> fatal_error_lines(const Error& error) {
  std::vector<std::string> lines{fatal_error_line(error)};
  if (error.code == Errc::kNoSync) {
    lines.emplace_back(
        "For troubleshooting steps visit: "
        "https://docs.espressif.com/projects/esptool/en/latest/troubleshooting.html");
  }
  if (!error.hint().empty()) lines.push_back("Hint: " + error.hint());
  return lines;
}

Result<CommandOutput> run_offline(const ParsedCommand& cmd, InputFiles inputs) {
  if (cmd.command == "help") return CommandOutput{cmd.help, {}};
  // Our banner, then what esptool.py's `version` prints: the release whose behaviour we match.
  if (cmd.command == "version") {
    return CommandOutput{{strprintf("esptool-wasm v%s", kVersion), kEsptoolVersion}, {}};
  }
  ESPT_ASSIGN(out, dispatch(cmd, inputs));
  out.lines.insert(out.lines.begin(), banner_line());
  return out;
}

}  // namespace esptool::cli
