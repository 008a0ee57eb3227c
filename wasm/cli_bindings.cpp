// Embind: the esptool.py command-line layer for web/cli/esptool-wasm.js. The CLI calls, in
// order: argumentFiles -> expandFileArguments -> parseCommandLine -> runOffline; everything
// between reading and writing files happens in core/cli.
#include <emscripten/bind.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cli/commands.h"
#include "core/cli/parse.h"
#include "core/cli/run_offline.h"
#include "core/cli/shlex.h"
#include "wasm/convert.h"

namespace {

using emscripten::val;
using namespace esptool;
using namespace esptool::wasm;

val argument_files(val argv) { return to_js_strings(cli::argument_files(to_strings(argv))); }

val expand_file_arguments(val argv, val texts) {
  return to_result(cli::expand_file_arguments(to_strings(argv), to_string_map(texts)),
                   [](const cli::ExpandedArguments& e) {
                     val v = val::object();
                     v.set("args", to_js_strings(e.args));
                     v.set("lines", to_js_strings(e.lines));
                     return v;
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
val parse_command_line(val args, val env) {
  ParsedLine line{to_strings(args), to_string_map(env), {}};
  auto parsed = cli::parse_command_line(line.args, line.env);
  last_parsed.reset();
  if (!parsed.ok()) return fail(parsed.error());
  line.command = std::move(parsed).value();
  val v = val::object();
  v.set("command", line.command.command);
  v.set("isOffline", line.command.is_offline);
  v.set("inputs", to_js_strings(line.command.input_paths()));
  last_parsed = std::move(line);
  return ok(v);
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
// wasm memory, not copies (the one exception to convert.h's rule): the CLI, the only caller,
// writes them out before it calls in again. Copying merge_bin --fill-flash-size 16MB's output
// into a fresh JS array cost about 15 ms, mostly page faults (issue 10). A view goes stale
// (length 0) once wasm memory grows; each file's `size` lets the CLI check.
image::CommandOutput last_output;

// Input files the CLI read straight into wasm memory (stage_input), taken by the next
// runOffline: reading a 4 MB app into a JS buffer and copying it in touched 8 MB of fresh pages
// where one read touches 4 (issue 10, the CLI's start-up work).
std::map<std::string, Bytes> staged_inputs;

// Room for the file `path` of `size` bytes: a view for JS to read the file into, used before
// anything calls into the module again (memory growth detaches it). A negative size drops it
// (the read failed: core then reports the file as unreadable).
val stage_input(std::string path, double size) {
  if (size < 0) {
    staged_inputs.erase(path);
    return val::null();
  }
  Bytes& data = staged_inputs[path];
  data.assign(size_t(size), 0);
  return val(emscripten::typed_memory_view(data.size(), data.data()));
}

// Parses again rather than holding a C++ object across calls: no handle for JS to delete.
// `inputs`: {path: Uint8Array} besides the staged ones (a path in both: the one in `inputs`).
val run_offline(val args, val env, val inputs) {
  last_output = {};
  std::map<std::string, Bytes> inputs_read = std::move(staged_inputs);
  staged_inputs.clear();
  for (auto& [path, data] : to_bytes_map(inputs)) inputs_read[path] = std::move(data);
  auto parsed = parsed_line(to_strings(args), to_string_map(env));
  if (!parsed.ok()) return fail(parsed.error());
  auto result = cli::run_offline(parsed.value(), std::move(inputs_read));
  if (!result.ok()) return fail(result.error());
  last_output = std::move(result).value();
  val v = val::object();
  v.set("lines", to_js_strings(last_output.lines));
  val files = val::array();
  for (const auto& f : last_output.files) {
    val file = val::object();
    file.set("name", f.name);
    file.set("size", double(image::output_size(f)));
    files.call<void>("push", file);
  }
  v.set("files", files);
  // The views last: passing a std::string to JS mallocs (Embind), a view needs no allocation.
  // A file held in pieces: [{data: view} | {fill: byte, size}] in order (merge_bin's raw image).
  for (size_t i = 0; i < last_output.files.size(); ++i) {
    const image::OutputFile& f = last_output.files[i];
    if (f.pieces.empty()) {
      files[i].set("data", val(emscripten::typed_memory_view(f.data.size(), f.data.data())));
      continue;
    }
    val pieces = val::array();
    for (const image::OutputPiece& p : f.pieces) {
      val piece = val::object();
      if (p.part == image::OutputPiece::kFillPiece) {
        piece.set("fill", p.fill);
        piece.set("size", double(p.size));
      } else {
        piece.set("data",
                  val(emscripten::typed_memory_view(p.size, f.parts[p.part].data() + p.offset)));
      }
      pieces.call<void>("push", piece);
    }
    files[i].set("pieces", pieces);
  }
  return ok(v);
}

// The sub-commands that run without a device: the CLI's choice of first module (load-full.js)
// is checked against them.
val offline_command_names() {
  std::vector<std::string> names;
  for (const cli::CommandSummary& c : cli::command_summaries())
    if (c.is_offline) names.emplace_back(c.name);
  return to_js_strings(names);
}

std::string banner_line() { return cli::banner_line(); }
std::string fatal_error_line(std::string message) {
  return cli::fatal_error_line(make_error(Errc::kInternal, std::move(message)));
}
// A device command's error as JS has it (EsptoolError's code, message and hint).
val fatal_error_lines(int code, std::string message, std::string hint) {
  Error error = make_error(static_cast<Errc>(code), std::move(message));
  error.hint_text = std::move(hint);
  return to_js_strings(cli::fatal_error_lines(error));
}
std::string write_failed_message(std::string path) { return cli::write_failed(path).message(); }

}  // namespace

EMSCRIPTEN_BINDINGS(esptool_cli) {
  emscripten::function("argumentFiles", &argument_files);
  emscripten::function("expandFileArguments", &expand_file_arguments);
  emscripten::function("parseCommandLine", &parse_command_line);
  emscripten::function("stageInput", &stage_input);
  emscripten::function("runOffline", &run_offline);
  emscripten::function("offlineCommandNames", &offline_command_names);
  emscripten::function("bannerLine", &banner_line);
  emscripten::function("fatalErrorLine", &fatal_error_line);
  emscripten::function("fatalErrorLines", &fatal_error_lines);
  emscripten::function("writeFailedMessage", &write_failed_message);
}
