// Embind: the CLI layer (argument splitting, parsing and the offline commands). No logic here.
#include <emscripten/bind.h>

#include "core/cli/version.h"

namespace {

std::string esptool_version() { return esptool::cli::kEsptoolVersion; }
std::string version() { return esptool::cli::kVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(esptool_cli) {
  emscripten::function("esptoolVersion", &esptool_version);
  emscripten::function("version", &version);
}
