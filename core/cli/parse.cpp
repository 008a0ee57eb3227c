// Two argparse levels, as in esptool: the global parser stops at the first positional (the
// command); the command's parser takes the rest; words neither recognises are reported last.
#include "core/cli/parse.h"

#include <set>

#include "core/base/bytes.h"
#include "core/cli/commands.h"
#include "core/cli/values.h"
#include "core/util/py_int.h"

namespace esptool::cli {
namespace {

Error usage_error(const std::string& message) {
  return make_error(Errc::kBadArgument, "esptool: error: " + message,
                    "Run with -h for the accepted arguments.");
}

std::string command_choices() {
  std::string out;
  for (const auto& c : command_summaries()) {
    out += (out.empty() ? "" : ", ") + py_repr(c.name);
  }
  return out;
}

std::vector<std::string> global_help() {
  std::vector<std::string> lines = help_lines(
      global_options(), "esptool", "esptool.py v4.8.1 - Espressif chips ROM Bootloader Utility");
  lines.emplace_back();
  lines.emplace_back("commands (run esptool-wasm {command} -h for additional help):");
  for (const auto& c : command_summaries()) {
    std::string line = "  " + std::string(c.name);
    line.resize(22, ' ');
    lines.push_back(line + std::string(c.help));
  }
  return lines;
}

}  // namespace

std::optional<std::string> ParsedCommand::get(const std::string& dest) const {
  auto it = args.find(dest);
  if (it == args.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::optional<int64_t> ParsedCommand::get_int(const std::string& dest) const {
  auto v = get(dest);
  if (!v) return std::nullopt;
  return util::parse_decimal_int(*v);
}

bool ParsedCommand::flag(const std::string& dest) const { return get(dest).has_value(); }

std::vector<std::string> ParsedCommand::list(const std::string& dest) const {
  auto it = args.find(dest);
  return it == args.end() ? std::vector<std::string>{} : it->second;
}

std::string ParsedCommand::chip() const {
  auto it = global.find("chip");
  return it == global.end() || it->second.empty() ? "auto" : it->second.back();
}

std::vector<image::AddressPath> ParsedCommand::address_files(const std::string& dest) const {
  // The parser has checked these words with the same function, so this cannot fail.
  auto pairs = image::parse_address_pairs(list(dest));
  return pairs.ok() ? pairs.value() : std::vector<image::AddressPath>{};
}

std::vector<std::string> ParsedCommand::input_paths() const {
  std::vector<std::string> paths;
  if (command == "elf2image") {
    paths = list("input");
  } else if (command == "image_info" || command == "load_ram") {
    paths = list("filename");
  } else if (command == "make_image") {
    paths = list("segfile");
  } else {
    for (const auto& f : address_files()) paths.push_back(f.path);
    for (const auto& f : address_files("encrypt_files")) paths.push_back(f.path);
  }
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (auto& p : paths)
    if (seen.insert(p).second) unique.push_back(p);
  return unique;
}

Result<ParsedCommand> parse_command_line(const std::vector<std::string>& argv,
                                         const Environment& env) {
  ParsedCommand out;
  ESPT_ASSIGN(top, parse_args(global_options(), argv, "esptool", env, true));
  if (top.wants_help) {
    out.command = "help";
    out.help = global_help();
    return out;
  }
  out.global = top.values;
  if (top.rest.empty()) {
    return usage_error("a command is required (choose from " + command_choices() + ")");
  }
  const CommandSpec* spec = find_command(top.rest[0]);
  if (!spec) {
    return usage_error("argument operation: invalid choice: " + py_repr(top.rest[0]) +
                       " (choose from " + command_choices() + ")");
  }
  const std::vector<std::string> sub_args(top.rest.begin() + 1, top.rest.end());
  const std::string prog = "esptool " + spec->name;
  ESPT_ASSIGN(sub, parse_args(spec->args, sub_args, prog, env, false));
  if (sub.wants_help) {
    out.command = "help";
    out.help = help_lines(spec->args, prog, spec->help);
    return out;
  }
  std::vector<std::string> extra = top.unrecognized;
  extra.insert(extra.end(), sub.unrecognized.begin(), sub.unrecognized.end());
  if (!extra.empty()) {
    std::string joined;
    for (const auto& e : extra) joined += (joined.empty() ? "" : " ") + e;
    return usage_error("unrecognized arguments: " + joined);
  }
  out.command = spec->name;
  out.is_offline = spec->is_offline;
  out.args = sub.values;
  return out;
}

}  // namespace esptool::cli
