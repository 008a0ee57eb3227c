#include "core/cli/values.h"

#include "core/base/bytes.h"
#include "core/util/py_int.h"

namespace esptool::cli {

Result<uint32_t> flash_size_bytes(std::string_view text) {
  auto unknown = [&] {
    return make_error(Errc::kBadArgument,
                      strprintf("Unknown size %.*s", int(text.size()), text.data()));
  };
  // util.py@v4.8.1: the number is whatever precedes the first "MB" (else "KB").
  uint64_t unit = 0;
  size_t at = text.find("MB");
  if (at != std::string_view::npos) {
    unit = 1024 * 1024;
  } else if ((at = text.find("KB")) != std::string_view::npos) {
    unit = 1024;
  } else {
    return unknown();
  }
  auto n = util::parse_decimal_int(text.substr(0, at));
  if (!n || *n < 0 || uint64_t(*n) * unit > UINT32_MAX) return unknown();
  return uint32_t(uint64_t(*n) * unit);
}

std::string py_repr(std::string_view text) {
  const char quote = (text.find('\'') != std::string_view::npos &&
                      text.find('"') == std::string_view::npos)
                         ? '"'
                         : '\'';
  std::string out(1, quote);
  for (char c : text) {
    if (c == '\\' || c == quote) out.push_back('\\');
    out.push_back(c);
  }
  out.push_back(quote);
  return out;
}

}  // namespace esptool::cli
