// Reference parity: every case of tests/fixtures/reference/cases.json (what esptool.py v4.8.1
// printed and wrote for our generated fixtures) is run through our native CLI, in order, in one
// work area; exit status (zero / non-zero), the files written (name, size, SHA-256) and, for
// successful runs, the stdout lines (minus the version banner) must match. Cases listed in
// known_failures.txt are expected to fail; one that passes must be removed from that list.
// Environment: ESPT_PARITY_TOOL (program to run instead of esptool_native, e.g. a wrapper around
// the reference esptool to check the harness), ESPT_PARITY_FILTER (substring of case names),
// ESPT_PARITY_KEEP (keep the work directory).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "tests/support/fixtures.h"
#include "tests/support/process.h"

namespace esptool::testing {
namespace {

const std::string kReferenceDir = std::string(ESPT_SOURCE_DIR) + "/tests/fixtures/reference";

struct ExpectedFile {
  std::string name;
  uint64_t size;
  std::string sha256;
};

struct Case {
  std::string name;
  std::vector<std::string> argv;
  int exit_code;
  std::vector<std::string> stdout_lines;
  std::vector<ExpectedFile> files;
};

std::string tool_path() {
  if (const char* env = std::getenv("ESPT_PARITY_TOOL")) return env;
#ifdef ESPT_ESPTOOL_NATIVE
  return ESPT_ESPTOOL_NATIVE;
#else
  return "";
#endif
}

std::vector<Case> load_cases() {
  std::ifstream in(kReferenceDir + "/cases.json");
  const nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  std::vector<Case> cases;
  if (doc.is_discarded()) return cases;
  for (const auto& c : doc["cases"]) {
    const auto& e = c["expected"];
    Case k{c["name"].get<std::string>(),
           c["argv"].get<std::vector<std::string>>(),
           e["exit_code"].get<int>(),
           e["stdout"].get<std::vector<std::string>>(),
           {}};
    for (const auto& f : e["files"]) {
      k.files.push_back({f["name"].get<std::string>(), f["size"].get<uint64_t>(),
                         f["sha256"].get<std::string>()});
    }
    cases.push_back(std::move(k));
  }
  return cases;
}

std::set<std::string> known_failures() {
  std::set<std::string> names;
  std::ifstream in(kReferenceDir + "/known_failures.txt");
  std::string line;
  while (std::getline(in, line)) {
    const size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    if (!line.empty()) names.insert(line);
  }
  return names;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

// Our stdout as lines, with the first version banner line (esptool.py vX / esptool-wasm vX)
// removed: the banner is compared by the version tests, not here.
std::vector<std::string> output_lines(const std::string& out) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < out.size()) {
    size_t nl = out.find('\n', start);
    if (nl == std::string::npos) nl = out.size();
    lines.push_back(out.substr(start, nl - start));
    start = nl + 1;
  }
  static const std::regex kBanner(R"(esptool\S* v\d+\.\d+\S*( \(esptool\.py v\S+ compatible\))?)");
  for (size_t i = 0; i < lines.size(); ++i) {
    if (std::regex_match(lines[i], kBanner)) {
      lines.erase(lines.begin() + long(i));
      break;
    }
  }
  return lines;
}

// Empty when the run matches the case, else what differs first.
std::string compare(const Case& c, const ProcessResult& r,
                    const std::map<std::string, std::string>& written,
                    const std::function<std::string(const std::string&)>& expand) {
  if ((r.exit_code == 0) != (c.exit_code == 0)) {
    auto tail = [](const std::string& text) {
      return text.substr(text.size() > 300 ? text.size() - 300 : 0);
    };
    return "exit code " + std::to_string(r.exit_code) + ", esptool " + std::to_string(c.exit_code) +
           " (stdout tail: " + tail(r.out) + "; stderr tail: " + tail(r.err) + ")";
  }
  std::map<std::string, const ExpectedFile*> expected;
  for (const ExpectedFile& f : c.files) expected[expand(f.name)] = &f;
  for (const auto& [path, sha] : written) {
    auto it = expected.find(path);
    if (it == expected.end()) return "unexpected output file " + path;
    if (sha != it->second->sha256) {
      std::error_code ec;
      return "output " + path + " differs (size " +
             std::to_string(std::filesystem::file_size(path, ec)) + ", esptool " +
             std::to_string(it->second->size) + ")";
    }
  }
  for (const auto& [path, f] : expected) {
    if (!written.count(path)) return "missing output file " + path;
  }
  if (c.exit_code != 0) return "";  // error wording is ours; only the status is compared
  std::vector<std::string> want;
  for (const std::string& l : c.stdout_lines) want.push_back(expand(l));
  const std::vector<std::string> got = output_lines(r.out);
  for (size_t i = 0; i < want.size() || i < got.size(); ++i) {
    const std::string w = i < want.size() ? want[i] : "<none>";
    const std::string g = i < got.size() ? got[i] : "<none>";
    if (w != g)
      return "stdout line " + std::to_string(i + 1) + ": got \"" + g + "\", esptool \"" + w + "\"";
  }
  return "";
}

TEST(ReferenceParity, EveryCaseMatchesEsptool481) {
  const std::string tool = tool_path();
  if (tool.empty()) GTEST_SKIP() << "esptool_native is not built yet";
  const std::vector<Case> cases = load_cases();
  ASSERT_FALSE(cases.empty()) << "cannot read " << kReferenceDir << "/cases.json";
  const std::set<std::string> known = known_failures();
  const char* filter = std::getenv("ESPT_PARITY_FILTER");

  namespace fs = std::filesystem;
  const fs::path work = fs::temp_directory_path() / ("espt-parity-" + std::to_string(getpid()));
  const std::string fixtures = (work / "fixtures").string(), out = (work / "out").string();
  fs::remove_all(work);
  fs::create_directories(out);
  std::string error;
  ASSERT_TRUE(write_fixtures(fixtures, &error)) << error;
  auto expand = [&](const std::string& s) {
    return replace_all(replace_all(s, "{fixtures}", fixtures), "{out}", out);
  };

  FileSnapshotter snap;
  int passed = 0, run = 0;
  std::vector<std::string> failing;
  for (const Case& c : cases) {
    if (filter && c.name.find(filter) == std::string::npos) continue;
    std::vector<std::string> args;
    for (const std::string& a : c.argv) args.push_back(expand(a));
    const auto before = snap.snapshot({fixtures, out});
    const ProcessResult r = run_process(tool, args);
    std::map<std::string, std::string> written;
    for (const auto& [path, sha] : snap.snapshot({fixtures, out})) {
      auto it = before.find(path);
      if (it == before.end() || it->second != sha) written[path] = sha;
    }
    const std::string why = compare(c, r, written, expand);
    ++run;
    if (why.empty()) {
      ++passed;
      if (known.count(c.name)) {
        ADD_FAILURE() << c.name << " now passes: remove it from known_failures.txt";
      }
    } else {
      failing.push_back(c.name);
      if (!known.count(c.name)) ADD_FAILURE() << c.name << ": " << why;
    }
  }
  std::cout << "reference parity: " << passed << "/" << run << " cases pass";
  if (!failing.empty()) std::cout << "; failing: ";
  for (size_t i = 0; i < failing.size(); ++i) std::cout << (i ? ", " : "") << failing[i];
  std::cout << "\n";
  if (!std::getenv("ESPT_PARITY_KEEP")) fs::remove_all(work);
}

}  // namespace
}  // namespace esptool::testing
