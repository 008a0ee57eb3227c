// esptool_native: the native twin of web/cli/esptool-wasm.js. It reads the @argument files and
// the command's inputs, calls core/cli (expand -> parse -> run_offline), writes the output files
// and prints esptool.py's lines. Exit status: 0 ok, 2 bad arguments or a fatal error (esptool's).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/cli/parse.h"
#include "core/cli/run_offline.h"
#include "core/cli/shlex.h"

extern char** environ;

namespace {

using esptool::Bytes;
namespace cli = esptool::cli;
namespace image = esptool::image;

bool read_file(const std::string& path, std::string& out) {
  // libstdc++ throws (and the tool aborted) when a directory is read through istreambuf_iterator.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return false;
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  out.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  return !f.bad();
}

// Writes the file as it is held: one buffer, or its pieces in order (runs of one byte from a
// small buffer written again and again).
bool write_file(const image::OutputFile& file) {
  std::ofstream f(file.name, std::ios::binary | std::ios::trunc);
  auto put = [&](const uint8_t* p, size_t n) {
    f.write(reinterpret_cast<const char*>(p), std::streamsize(n));
  };
  if (file.pieces.empty()) put(file.data.data(), file.data.size());
  for (const image::OutputPiece& piece : file.pieces) {
    if (piece.part != image::OutputPiece::kFillPiece) {
      put(file.parts[piece.part].data() + piece.offset, piece.size);
      continue;
    }
    const Bytes run(std::min<size_t>(piece.size, 1 << 16), piece.fill);
    for (size_t left = piece.size; left > 0; left -= std::min(left, run.size()))
      put(run.data(), std::min(left, run.size()));
  }
  return bool(f);
}

cli::Environment esptool_environment() {
  cli::Environment env;
  for (char** e = environ; e && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (eq && std::strncmp(*e, "ESPTOOL_", 8) == 0) env[std::string(*e, size_t(eq - *e))] = eq + 1;
  }
  return env;
}

int fatal(const esptool::Error& error) {
  std::cout << "\n" << cli::fatal_error_line(error) << std::endl;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  std::map<std::string, std::string> texts;
  for (const auto& name : cli::argument_files(args)) {
    std::string text;
    if (read_file(name, text)) texts[name] = std::move(text);
  }
  auto expanded = cli::expand_file_arguments(args, texts);
  if (!expanded.ok()) return fatal(expanded.error());
  for (const auto& line : expanded->lines) std::cout << line << "\n";

  auto parsed = cli::parse_command_line(expanded->args, esptool_environment());
  if (!parsed.ok()) {
    std::cout.flush();
    std::cerr << parsed.error().message() << std::endl;
    return 2;
  }
  cli::InputFiles inputs;
  for (const auto& path : parsed->input_paths()) {
    std::string bytes;
    if (read_file(path, bytes)) inputs[path] = Bytes(bytes.begin(), bytes.end());
  }
  auto out = cli::run_offline(parsed.value(), std::move(inputs));
  if (!out.ok()) {
    std::cout << cli::banner_line() << "\n";
    return fatal(out.error());
  }
  for (const auto& file : out->files) {
    if (!write_file(file)) {
      std::cout << cli::banner_line() << "\n";
      return fatal(cli::write_failed(file.name));
    }
  }
  for (const auto& line : out->lines) std::cout << line << "\n";
  std::cout.flush();
  return 0;
}
