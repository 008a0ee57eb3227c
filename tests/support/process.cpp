// posix_spawn with stdout and stderr redirected to temporary files (no pipes, so a chatty child
// cannot block on a full pipe while we wait for it).
#include "tests/support/process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/ref_sha256.h"

extern char** environ;

namespace esptool::testing {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string temp_path(const char* tag) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "espt-XXXXXX").string();
  const int fd = mkstemp(tmpl.data());
  if (fd >= 0) close(fd);
  return tmpl + tag;
}

}  // namespace

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args) {
  ProcessResult r;
  const std::string base = temp_path("");
  const std::string out_path = base + ".out", err_path = base + ".err";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, program.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc == 0) {
    int status = 0;
    if (waitpid(pid, &status, 0) == pid && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  }
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  std::remove(base.c_str());
  return r;
}

bool read_file(const std::string& path, Bytes* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

std::map<std::string, std::string> FileSnapshotter::snapshot(const std::vector<std::string>& dirs) {
  std::map<std::string, std::string> state;
  for (const std::string& d : dirs) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(d, ec)) {
      if (!entry.is_regular_file()) continue;
      const std::string path = entry.path().string();
      const uintmax_t size = entry.file_size();
      const int64_t mtime = entry.last_write_time().time_since_epoch().count();
      auto it = cache_.find(path);
      if (it == cache_.end() || it->second.size != size || it->second.mtime != mtime) {
        Bytes data;
        if (!read_file(path, &data)) continue;
        it = cache_.insert_or_assign(path, Entry{size, mtime, ref_sha256_hex(data)}).first;
      }
      state[path] = it->second.sha256;
    }
  }
  return state;
}

}  // namespace esptool::testing
