// ESP-IDF flash_args / flasher_args.json readers. Templates: esp-idf components/esptool_py
// (flash_project_args.in, flasher_args.json.in); field notes in web-formats.md §2.
#include "core/image/idf_build_args.h"

#include <nlohmann/json.hpp>

#include "core/base/bytes.h"
#include "core/cli/shlex.h"
#include "core/image/address_pairs.h"

namespace esptool::image {
namespace {

using Json = nlohmann::ordered_json;  // keeps flash_files in the order IDF registered them

// "--flash-mode" -> "--flash_mode": esptool v4 spells options with '_', v5-era IDF with '-'.
std::string underscored(std::string_view name) {
  std::string s(name);
  for (size_t i = 2; i < s.size(); ++i) {
    if (s[i] == '-') s[i] = '_';
  }
  return s;
}

std::optional<std::string>* option_field(IdfBuildArgs& args, const std::string& name) {
  if (name == "--flash_mode" || name == "-fm") return &args.flash_mode;
  if (name == "--flash_freq" || name == "-ff") return &args.flash_freq;
  if (name == "--flash_size" || name == "-fs") return &args.flash_size;
  if (name == "--chip" || name == "-c") return &args.chip;
  return nullptr;
}

// write_flash's on/off options (esptool/__init__.py v4.8.1): harmless here, so skipped.
bool is_write_flash_flag(const std::string& name) {
  static const char* const kFlags[] = {
      "--encrypt", "--compress",    "-z",          "--no_compress",
      "-u",        "--verify",      "--erase_all", "-e",
      "--force",   "--no_progress", "-p",          "--ignore_flash_encryption_efuse_setting",
      "--no_stub"};
  for (const char* f : kFlags) {
    if (name == f) return true;
  }
  return false;
}

Error arg_error(const char* source, const std::string& what) {
  return make_error(Errc::kBadArgument, std::string(source) + ": " + what);
}

// Takes the options out of `words` into `out`; returns the remaining (positional) words.
Result<std::vector<std::string>> take_options(const std::vector<std::string>& words,
                                              IdfBuildArgs& out, const char* source) {
  std::vector<std::string> positional;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() < 2 || w[0] != '-') {
      positional.push_back(w);
      continue;
    }
    const size_t eq = w.rfind("--", 0) == 0 ? w.find('=') : std::string::npos;
    const std::string name = underscored(w.substr(0, eq));
    if (auto* field = option_field(out, name)) {
      if (eq != std::string::npos) {
        *field = w.substr(eq + 1);
      } else if (i + 1 < words.size()) {
        *field = words[++i];
      } else {
        return arg_error(source, "option " + w + " needs a value");
      }
    } else if (!is_write_flash_flag(name) || eq != std::string::npos) {
      return arg_error(source, "unsupported option '" + w + "'");
    }
  }
  return positional;
}

Error json_error(const std::string& what) {
  return make_error(Errc::kInvalidJson, "flasher_args.json: " + what,
                    "Use the flasher_args.json from an ESP-IDF build directory.");
}

// Looks up `name` or its dashed spelling ("flash_mode" / "flash-mode").
const Json* find_key(const Json& obj, const std::string& name) {
  auto it = obj.find(name);
  if (it != obj.end()) return &*it;
  std::string dashed = name;
  for (char& c : dashed) {
    if (c == '_') c = '-';
  }
  it = obj.find(dashed);
  return it != obj.end() ? &*it : nullptr;
}

Status read_string(const Json& obj, const char* name, std::optional<std::string>& out) {
  const Json* v = find_key(obj, name);
  if (!v) return Status::Ok();
  if (!v->is_string()) return json_error(std::string(name) + " is not a string");
  out = v->get<std::string>();
  return Status::Ok();
}

Status read_settings(const Json& root, IdfBuildArgs& out) {
  if (const Json* s = find_key(root, "flash_settings")) {
    if (!s->is_object()) return json_error("flash_settings is not an object");
    ESPT_TRY(read_string(*s, "flash_mode", out.flash_mode));
    ESPT_TRY(read_string(*s, "flash_freq", out.flash_freq));
    return read_string(*s, "flash_size", out.flash_size);
  }
  const Json* list = find_key(root, "write_flash_args");
  if (!list) return Status::Ok();
  if (!list->is_array()) return json_error("write_flash_args is not a list");
  std::vector<std::string> words;
  for (const auto& w : *list) {
    if (!w.is_string()) return json_error("write_flash_args holds a value that is not a string");
    words.push_back(w.get<std::string>());
  }
  IdfBuildArgs parsed;
  ESPT_TRY(take_options(words, parsed, "flasher_args.json write_flash_args"));
  out.flash_mode = parsed.flash_mode;
  out.flash_freq = parsed.flash_freq;
  out.flash_size = parsed.flash_size;
  return Status::Ok();
}

Status add_file(IdfBuildArgs& out, const std::string& offset, const std::string& path) {
  auto address = parse_address(offset);
  if (!address.ok()) return json_error(address.error().message());
  out.files.push_back(IdfFlashFile{address.value(), path});
  return Status::Ok();
}

Status read_files(const Json& root, IdfBuildArgs& out) {
  if (const Json* files = find_key(root, "flash_files")) {
    if (!files->is_object()) return json_error("flash_files is not an object");
    for (const auto& [offset, path] : files->items()) {
      if (!path.is_string()) return json_error("flash_files[\"" + offset + "\"] is not a string");
      ESPT_TRY(add_file(out, offset, path.get<std::string>()));
    }
    return Status::Ok();
  }
  // Old or hand-made files: the per-image {"offset": "0x1000", "file": "..."} entries.
  for (const auto& [name, entry] : root.items()) {
    if (!entry.is_object()) continue;
    auto offset = entry.find("offset");
    auto file = entry.find("file");
    if (offset == entry.end() || file == entry.end()) continue;
    if (!offset->is_string() || !file->is_string()) {
      return json_error(name + ": offset and file must be strings");
    }
    ESPT_TRY(add_file(out, offset->get<std::string>(), file->get<std::string>()));
  }
  return Status::Ok();
}

}  // namespace

Result<IdfBuildArgs> parse_flash_args(std::string_view text) {
  auto words = cli::split_argument_file(text);
  if (!words.ok()) return arg_error("flash_args", words.error().message());
  IdfBuildArgs out;
  ESPT_ASSIGN(positional, take_options(words.value(), out, "flash_args"));
  auto pairs = parse_address_pairs(positional);
  if (!pairs.ok()) return arg_error("flash_args", pairs.error().message());
  for (auto& p : pairs.value()) out.files.push_back(IdfFlashFile{p.address, std::move(p.path)});
  if (out.files.empty()) return arg_error("flash_args", "no `offset path` line found");
  return out;
}

Result<IdfBuildArgs> parse_flasher_args_json(std::string_view text) {
  const Json root = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return json_error("not valid JSON");
  if (!root.is_object()) return json_error("not a JSON object");
  IdfBuildArgs out;
  ESPT_TRY(read_settings(root, out));
  ESPT_TRY(read_files(root, out));
  if (const Json* extra = find_key(root, "extra_esptool_args")) {
    if (!extra->is_object()) return json_error("extra_esptool_args is not an object");
    ESPT_TRY(read_string(*extra, "chip", out.chip));
  }
  if (out.files.empty()) {
    return make_error(Errc::kBadArgument, "flasher_args.json: no flash_files listed");
  }
  return out;
}

Result<IdfBuildArgs> parse_idf_build_args(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return parse_flasher_args_json(text);
  return parse_flash_args(text);
}

}  // namespace esptool::image
