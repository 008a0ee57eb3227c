// Calls (wasm/c_abi.h): the esptool.py command-line layer for web/cli/esptool-wasm.js. The CLI
// calls, in order: argumentFiles -> expandFileArguments -> parseCommandLine -> runOffline;
// everything between reading and writing files happens in core/cli.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cli/commands.h"
#include "core/cli/parse.h"
#include "core/cli/run_offline.h"
#include "core/cli/shlex.h"
#include "wasm/c_abi.h"

namespace esptool::wasm {
namespace {

void argument_files(Call& c) { write_strings(c.out(), cli::argument_files(strings(c.arg(0)))); }

void expand_file_arguments(Call& c) {
  std::map<std::string, std::string> texts = string_map(c.arg(1));
  write_result(c.out(), cli::expand_file_arguments(strings(c.arg(0)), texts),
               [](JsonWriter& w, const cli::ExpandedArguments& e) {
                 w.begin_object();
                 write_strings(w.key("args"), e.args);
                 write_strings(w.key("lines"), e.lines);
                 w.end_object();
               });
}

// The last parseCommandLine's result, taken by the runOffline that follows it with the same
// arguments (the CLI's next step) instead of parsing again: 0.5-2 ms of an 80 ms merge_bin.
struct ParsedLine {
  std::vector<std::string> args;
  std::map<std::string, std::string> env;
  cli::ParsedCommand command;
};
std::optional<ParsedLine> last_parsed;

// {command, isOffline, inputs}: what the CLI decides on before it reads the inputs.
void parse_command_line(Call& c) {
  ParsedLine line{strings(c.arg(0)), string_map(c.arg(1)), {}};
  auto parsed = cli::parse_command_line(line.args, line.env);
  last_parsed.reset();
  if (!parsed.ok()) return write_status(c.out(), parsed.error());
  line.command = std::move(parsed).value();
  JsonWriter& w = c.out().begin_object().key("ok").value(true).key("value").begin_object();
  w.key("command").value(line.command.command);
  w.key("isOffline").value(line.command.is_offline);
  write_strings(w.key("inputs"), line.command.input_paths());
  w.end_object().end_object();
  last_parsed = std::move(line);
}

// The parse of `args` with `env`: the one parseCommandLine kept when it was of the same line.
Result<cli::ParsedCommand> parsed_line(std::vector<std::string> args,
                                       std::map<std::string, std::string> env) {
  std::optional<ParsedLine> kept = std::move(last_parsed);
  last_parsed.reset();
  if (kept && kept->args == args && kept->env == env) return std::move(kept->command);
  return cli::parse_command_line(args, env);
}

// The last runOffline's output, kept until the next call so that its files reach JS as views of
// wasm memory, not copies (Call::put_view): the CLI, the only caller, writes them out before it
// calls in again. Copying merge_bin --fill-flash-size 16MB's output into a fresh JS array cost
// about 15 ms, mostly page faults (issue 10). A view goes stale (length 0) once wasm memory
// grows; each file's `size` lets the CLI check.
image::CommandOutput last_output;

// Input files the CLI read straight into wasm memory (stageInput), taken by the next
// runOffline: reading a 4 MB app into a JS buffer and copying it in touched 8 MB of fresh pages
// where one read touches 4 (issue 10, the CLI's start-up work).
std::map<std::string, Bytes> staged_inputs;

// stageInput(path, size): room for the file `path` of `size` bytes, a view for JS to read the
// file into before anything calls into the module again. A negative size drops it (the read
// failed: core then reports the file as unreadable) and returns null.
void stage_input(Call& c) {
  const std::string& path = c.arg(0).as_string();
  const double size = c.arg(1).as_number();
  if (size < 0) {
    staged_inputs.erase(path);
    c.out().null();
    return;
  }
  Bytes& data = staged_inputs[path];
  data.assign(size_t(size), 0);
  c.put_view(data.data(), data.size());
}

// runOffline(args, env, inputs): parses again unless parseCommandLine just parsed the same line.
// `inputs`: {path: Uint8Array} besides the staged ones (a path in both: the one in `inputs`).
// Each output file: {name, size, data: view} or, held in pieces (merge_bin's raw image),
// {name, size, pieces: [{data: view} | {fill: byte, size}]} in order.
void run_offline(Call& c) {
  last_output = {};
  std::map<std::string, Bytes> inputs_read = std::move(staged_inputs);
  staged_inputs.clear();
  for (auto& [path, data] : c.bytes_map(c.arg(2))) inputs_read[path] = std::move(data);
  auto parsed = parsed_line(strings(c.arg(0)), string_map(c.arg(1)));
  if (!parsed.ok()) return write_status(c.out(), parsed.error());
  auto result = cli::run_offline(parsed.value(), std::move(inputs_read));
  if (!result.ok()) return write_status(c.out(), result.error());
  last_output = std::move(result).value();
  JsonWriter& w = c.out().begin_object().key("ok").value(true).key("value").begin_object();
  write_strings(w.key("lines"), last_output.lines);
  w.key("files").begin_array();
  for (const image::OutputFile& f : last_output.files) {
    w.begin_object().key("name").value(f.name);
    w.key("size").value(double(image::output_size(f)));
    if (f.pieces.empty()) {
      w.key("data");
      c.put_view(f.data.data(), f.data.size());
      w.end_object();
      continue;
    }
    w.key("pieces").begin_array();
    for (const image::OutputPiece& p : f.pieces) {
      w.begin_object();
      if (p.part == image::OutputPiece::kFillPiece) {
        w.key("fill").value(p.fill).key("size").value(double(p.size));
      } else {
        w.key("data");
        c.put_view(f.parts[p.part].data() + p.offset, p.size);
      }
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object().end_object();
}

// The sub-commands that run without a device: the CLI's choice of first module (load-full.js)
// is checked against them.
void offline_command_names(Call& c) {
  std::vector<std::string> names;
  for (const cli::CommandSummary& s : cli::command_summaries())
    if (s.is_offline) names.emplace_back(s.name);
  write_strings(c.out(), names);
}

void banner_line(Call& c) { c.out().value(cli::banner_line()); }
void fatal_error_line(Call& c) {
  c.out().value(cli::fatal_error_line(make_error(Errc::kInternal, c.arg(0).as_string())));
}
// fatalErrorLines(code, message, hint): a device command's error as JS has it (EsptoolError's
// code, message and hint).
void fatal_error_lines(Call& c) {
  Error error = make_error(static_cast<Errc>(int(c.arg(0).as_number())), c.arg(1).as_string());
  error.hint_text = c.arg(2).as_string();
  write_strings(c.out(), cli::fatal_error_lines(error));
}
void write_failed_message(Call& c) {
  c.out().value(cli::write_failed(c.arg(0).as_string()).message());
}

const CallEntry kCalls[] = {
    {"argumentFiles", argument_files},
    {"expandFileArguments", expand_file_arguments},
    {"parseCommandLine", parse_command_line},
    {"stageInput", stage_input},
    {"runOffline", run_offline},
    {"offlineCommandNames", offline_command_names},
    {"bannerLine", banner_line},
    {"fatalErrorLine", fatal_error_line},
    {"fatalErrorLines", fatal_error_lines},
    {"writeFailedMessage", write_failed_message},
};
const RegisterCalls kRegistered(kCalls, std::size(kCalls));

}  // namespace
}  // namespace esptool::wasm
