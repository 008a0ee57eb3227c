// HWSIM_CHECK: a broken invariant inside the simulator is a bug, not a device error; abort loudly
// with file and line (the build has no exceptions).
#pragma once

#include <cstdio>
#include <cstdlib>

#define HWSIM_CHECK(cond, why)                                                                    \
  do {                                                                                            \
    if (!(cond)) {                                                                                \
      std::fprintf(stderr, "hw-sim: check failed at %s:%d: %s (%s)\n", __FILE__, __LINE__, #cond, \
                   why);                                                                          \
      std::abort();                                                                               \
    }                                                                                             \
  } while (0)
