// hw-sim: a simulated ESP chip on a TCP port (raw bytes or RFC 2217). See server.h and options.h.
#include <cstdio>
#include <string>

#include "hw-sim/server/options.h"
#include "hw-sim/server/server.h"

int main(int argc, char** argv) {
  std::string error;
  const auto options = hwsim::server::parse_options(argc, argv, &error);
  if (!options) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return error.rfind("usage:", 0) == 0 ? 0 : 2;
  }
  return hwsim::server::run_server(*options);
}
