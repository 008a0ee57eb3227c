// Embind: this package's version and the esptool.py release it matches, in every module (the
// page shows them whichever module it loaded first).
#include <emscripten/bind.h>

#include <string>

#include "core/cli/version.h"

namespace {

std::string esptool_version() { return esptool::cli::kEsptoolVersion; }
std::string version() { return esptool::cli::kVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(esptool_version) {
  emscripten::function("esptoolVersion", &esptool_version);
  emscripten::function("version", &version);
}
