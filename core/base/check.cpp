#include "core/base/check.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace esptool {

void check_failed(const char* file, int line, const char* why) {
  const std::string text =
      std::string(file) + ":" + std::to_string(line) + ": check failed: " + why + "\n";
  std::fputs(text.c_str(), stderr);
  std::abort();
}

}  // namespace esptool
