// The hw-sim server process: one simulated chip behind a TCP port, serving one client
// connection after another until SIGINT/SIGTERM. A single-threaded poll() loop feeds the Device
// real elapsed time. With --baud-pacing on, chip output reaches the socket when its last bit
// would have left a real UART; with pacing off the loop skips simulated time ahead whenever the
// chip has work pending, so replies come as fast as the host can read them (simulated time
// still moves forward consistently, only faster than the wall clock).
#pragma once

#include "hw-sim/server/options.h"

namespace hwsim::server {

// Runs until a termination signal; returns the process exit code.
int run_server(const ServerOptions& options);

}  // namespace hwsim::server
