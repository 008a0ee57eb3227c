// ESPT_CHECK: a broken invariant is a bug, not an Error; abort with file and line.
#pragma once

namespace esptool {

// Prints "<file>:<line>: check failed: <why>" to stderr and aborts. Out of line and without
// printf: every check site is then one call (issue 10: the page's wasm carries each site).
[[noreturn, gnu::cold, gnu::noinline]] void check_failed(const char* file, int line,
                                                         const char* why);

}  // namespace esptool

#define ESPT_CHECK(cond, why)                                      \
  do {                                                             \
    if (!(cond)) ::esptool::check_failed(__FILE__, __LINE__, why); \
  } while (0)
