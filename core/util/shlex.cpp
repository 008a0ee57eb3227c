// shlex.split in posix mode, following the state machine of CPython 3.11's shlex.read_token.
#include "core/util/shlex.h"

#include "core/base/bytes.h"

namespace esptool::util {
namespace {

bool is_shell_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

Error split_error(const char* what) {
  return make_error(Errc::kBadArgument, what, "Check the quotes and backslashes in the arguments.");
}

}  // namespace

Result<std::vector<std::string>> shlex_split(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;  // a word has started (it may still be empty: '' or "")
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_shell_space(c)) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else if (c == '\\') {
      if (i + 1 >= text.size()) return split_error("No escaped character");
      word.push_back(text[++i]);
      in_word = true;
    } else if (c == '\'') {
      const size_t close = text.find('\'', i + 1);
      if (close == std::string_view::npos) return split_error("No closing quotation");
      word.append(text.substr(i + 1, close - i - 1));
      i = close;
      in_word = true;
    } else if (c == '"') {
      for (++i;; ++i) {
        if (i >= text.size()) return split_error("No closing quotation");
        if (text[i] == '"') break;
        if (text[i] == '\\') {
          if (i + 1 >= text.size()) return split_error("No escaped character");
          // Inside double quotes only '"' and '\' are escaped; other pairs stay as typed.
          if (text[i + 1] != '"' && text[i + 1] != '\\') word.push_back('\\');
          word.push_back(text[++i]);
        } else {
          word.push_back(text[i]);
        }
      }
      in_word = true;
    } else {
      word.push_back(c);
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

Result<std::vector<std::string>> split_argument_file(std::string_view text) {
  std::vector<std::string> words;
  size_t pos = 0, line = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    // Python keeps the line's '\n' for shlex; it only matters after a trailing backslash.
    std::string one(text.substr(pos, end - pos));
    if (end < text.size()) one.push_back('\n');
    auto split = shlex_split(one);
    if (!split.ok()) {
      Error e = split.error();
      e.detail = strprintf("Argument file line %zu: %s", line, e.detail.c_str());
      return e;
    }
    for (auto& w : split.value()) words.push_back(std::move(w));
    pos = end;
    if (pos < text.size()) pos += text.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
  }
  return words;
}

}  // namespace esptool::util
