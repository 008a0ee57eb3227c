// ESPT_CHECK: a broken invariant is a bug, not an Error; abort with file and line.
#pragma once

#include <cstdio>
#include <cstdlib>

#define ESPT_CHECK(cond, why)                                                        \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "%s:%d: check failed: %s (%s)\n", __FILE__, __LINE__, #cond, \
                   why);                                                             \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)
