// hw-sim: a simulated ESP chip on a TCP port (raw bytes or RFC 2217). See server.h and options.h.
#include <cstdio>
#include <string>

#include "hw-sim/server/options.h"
#include "hw-sim/server/server.h"

int main(int argc, char** argv) {
  std::string error;
  const auto options = hwsim::server::parse_options(argc, argv, &error);
  if (!options) {
    // --help is an answer (stdout, exit 0); anything else is a mistake (stderr, exit 2).
    const bool help = error.rfind("usage:", 0) == 0;
    std::fprintf(help ? stdout : stderr, "%s\n", error.c_str());
    return help ? 0 : 2;
  }
  return hwsim::server::run_server(*options);
}
