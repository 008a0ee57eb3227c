// Test-side helpers to run a program and look at files: spawn with captured stdout, read a file,
// and a SHA-256 snapshot of directories (to see which files a command wrote).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/base/bytes.h"

namespace esptool::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 if it could not be started or was killed by a signal
  std::string out;     // stdout, bytes as written
  std::string err;     // stderr
};

// Runs `program` with `args` (no shell), capturing stdout and stderr.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args);

bool read_file(const std::string& path, Bytes* out);

// Regular files directly inside each of `dirs`: path -> lower-case hex SHA-256. Hashes are
// cached by (size, mtime), so repeated snapshots of big unchanged outputs stay cheap.
class FileSnapshotter {
 public:
  std::map<std::string, std::string> snapshot(const std::vector<std::string>& dirs);

 private:
  struct Entry {
    uintmax_t size;
    int64_t mtime;
    std::string sha256;
  };
  std::map<std::string, Entry> cache_;
};

}  // namespace esptool::testing
