// The full set of generated fixture files (ELFs and binary inputs) by file name, and a writer
// used by tests/tools/make_fixtures and the reference parity test. Nothing here is committed.
#pragma once

#include <string>
#include <vector>

#include "core/base/bytes.h"

namespace esptool::testing {

struct FixtureFile {
  std::string name;  // file name inside the fixtures directory
  Bytes bytes;
};

// Every fixture, in a stable order. Deterministic: same bytes on every run and platform.
std::vector<FixtureFile> all_fixtures();

// Writes all fixtures into `dir` (created if missing). Returns false and fills `error` on I/O
// failure.
bool write_fixtures(const std::string& dir, std::string* error);

}  // namespace esptool::testing
