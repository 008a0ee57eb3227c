// shlex.split (posix=True, comments=False) as a small state machine over one line; the states
// mirror CPython's shlex.read_token so edge cases (empty quotes, escapes in quotes) match.
#include "core/cli/shlex.h"

#include <set>

#include "core/base/bytes.h"

namespace esptool::cli {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

enum class State { kSpace, kWord, kSingle, kDouble, kEscape };

}  // namespace

Result<std::vector<std::string>> shlex_split(std::string_view line) {
  std::vector<std::string> words;
  std::string token;
  bool quoted = false;  // an empty '' or "" still makes a word
  State state = State::kSpace;
  State escaped_from = State::kWord;  // where an escape returns to
  auto finish = [&] {
    if (!token.empty() || quoted) words.push_back(token);
    token.clear();
    quoted = false;
  };
  for (char c : line) {
    switch (state) {
      case State::kSpace:
      case State::kWord:
        if (is_space(c)) {
          finish();
          state = State::kSpace;
        } else if (c == '\\') {
          escaped_from = State::kWord;
          state = State::kEscape;
        } else if (c == '\'') {
          state = State::kSingle;
          quoted = true;
        } else if (c == '"') {
          state = State::kDouble;
          quoted = true;
        } else {
          token.push_back(c);
          state = State::kWord;
        }
        break;
      case State::kSingle:
        if (c == '\'') state = State::kWord;
        else token.push_back(c);
        break;
      case State::kDouble:
        if (c == '"') {
          state = State::kWord;
        } else if (c == '\\') {
          escaped_from = State::kDouble;
          state = State::kEscape;
        } else {
          token.push_back(c);
        }
        break;
      case State::kEscape:
        // Inside double quotes only \" and \\ are escapes; elsewhere the backslash stays.
        if (escaped_from == State::kDouble && c != '"' && c != '\\') token.push_back('\\');
        token.push_back(c);
        state = escaped_from;
        break;
    }
  }
  if (state == State::kSingle || state == State::kDouble) {
    return make_error(Errc::kBadArgument, "No closing quotation");
  }
  if (state == State::kEscape) return make_error(Errc::kBadArgument, "No escaped character");
  finish();
  return words;
}

Result<std::vector<std::string>> split_argument_file(std::string_view text) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    ESPT_ASSIGN(line_words, shlex_split(text.substr(pos, end - pos)));
    words.insert(words.end(), line_words.begin(), line_words.end());
    pos = end + 1;
  }
  return words;
}

std::vector<std::string> argument_files(const std::vector<std::string>& argv) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto& arg : argv) {
    if (arg.empty() || arg[0] != '@') continue;
    std::string name = arg.substr(1);
    if (seen.insert(name).second) names.push_back(name);
  }
  return names;
}

Result<ExpandedArguments> expand_file_arguments(
    const std::vector<std::string>& argv, const std::map<std::string, std::string>& file_texts) {
  ExpandedArguments out;
  bool expanded = false;
  for (const auto& arg : argv) {
    if (arg.empty() || arg[0] != '@') {
      out.args.push_back(arg);
      continue;
    }
    expanded = true;
    const std::string name = arg.substr(1);
    auto it = file_texts.find(name);
    if (it == file_texts.end()) {
      return make_error(Errc::kFileNotFound,
                        strprintf("File not found or not readable: '%s'", name.c_str()));
    }
    auto words = split_argument_file(it->second);
    if (!words.ok()) {
      return make_error(Errc::kBadArgument, strprintf("Argument file '%s': %s", name.c_str(),
                                                      words.error().message().c_str()));
    }
    out.args.insert(out.args.end(), words->begin(), words->end());
  }
  if (expanded) {
    std::string echo = "esptool.py";
    for (const auto& a : out.args) echo += " " + a;
    out.lines.push_back(echo);
  }
  return out;
}

}  // namespace esptool::cli
