// The server process: listener, one session at a time, real-time or skip-ahead clock.
#include "hw-sim/server/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

#include "hw-sim/device.h"
#include "hw-sim/server/flash_file.h"
#include "hw-sim/server/rfc2217.h"
#include "hw-sim/server/tcp_raw.h"

namespace hwsim::server {
namespace {

volatile sig_atomic_t g_stop = 0;

void on_signal(int) { g_stop = 1; }

void install_signals() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_signal;  // no SA_RESTART: poll() returns EINTR and the loop sees g_stop
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

// Simulated time = wall time since start + skipped time (pacing off).
class Clock {
 public:
  Millis now() const {
    const auto elapsed = std::chrono::steady_clock::now() - start_;
    return std::chrono::duration<double, std::milli>(elapsed).count() + skipped_;
  }
  void skip(Millis amount) { skipped_ += amount; }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  Millis skipped_ = 0;
};

int open_listener(uint16_t port, uint16_t* bound_port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  const int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 || listen(fd, 4) != 0) {
    close(fd);
    return -1;
  }
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  *bound_port = ntohs(addr.sin_port);
  return fd;
}

class Session {
 public:
  Session(const ServerOptions& options, Device& device, Clock& clock, int fd)
      : options_(options), device_(device), clock_(clock), fd_(fd) {
    if (options.protocol == Protocol::kRaw) {
      link_ = std::make_unique<RawLink>(device);
    } else {
      const bool bridge = options.reset_bridge.value_or(!options.usb_jtag_serial);
      link_ = std::make_unique<Rfc2217Link>(device, bridge);
    }
  }

  void run() {
    link_->on_connect(clock_.now());
    while (g_stop == 0) {
      Millis now = clock_.now();
      link_->poll(now);
      if (!options_.baud_pacing) now = skip_ahead(now);
      link_->collect(now, &out_);
      if (device_.link_lost()) {
        std::fprintf(stderr, "hw-sim: fault plan dropped the connection\n");
        break;
      }
      if (!flush()) break;
      pollfd pfd{fd_, static_cast<short>(POLLIN | (out_.empty() ? 0 : POLLOUT)), 0};
      const int ready = poll(&pfd, 1, wait_ms(now));
      if (ready < 0 && errno != EINTR) break;
      if (ready > 0 && (pfd.revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        uint8_t buf[65536];
        const ssize_t n = recv(fd_, buf, sizeof(buf), 0);
        if (n <= 0) break;
        link_->on_bytes(std::span<const uint8_t>(buf, static_cast<size_t>(n)), clock_.now());
      }
    }
    link_->on_disconnect(clock_.now());
    device_.clear_link_lost();
  }

 private:
  Millis next_event() const { return std::min(device_.next_event_time(), link_->next_time()); }

  // Pacing off: run the chip's pending work now instead of waiting for it in real time.
  Millis skip_ahead(Millis now) {
    for (int i = 0; i < 100000; ++i) {
      const Millis t = next_event();
      if (t == kNever || t <= now) break;
      clock_.skip(t - now);
      now = t;
      link_->poll(now);
    }
    return now;
  }

  int wait_ms(Millis now) const {
    const Millis t = next_event();
    if (t == kNever) return 1000;
    return static_cast<int>(std::clamp(std::ceil(t - now), 0.0, 1000.0));
  }

  bool flush() {
    while (!out_.empty()) {
      const ssize_t n = send(fd_, out_.data(), out_.size(), MSG_DONTWAIT);
      if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK;
      out_.erase(out_.begin(), out_.begin() + n);
    }
    return true;
  }

  const ServerOptions& options_;
  Device& device_;
  Clock& clock_;
  int fd_;
  std::unique_ptr<LinkProtocol> link_;
  Bytes out_;
};

void save(const ServerOptions& options, const Device& device) {
  if (options.flash_file.empty()) return;
  std::string error;
  if (!save_flash_file(options.flash_file, device.flash().contents(), &error)) {
    std::fprintf(stderr, "hw-sim: %s\n", error.c_str());
  }
}

}  // namespace

int run_server(const ServerOptions& options) {
  DeviceOptions device_options;
  device_options.chip = find_chip(options.chip);
  device_options.flash_size = options.flash_size;
  device_options.usb_jtag_serial = options.usb_jtag_serial;
  device_options.usb_otg = options.usb_otg;
  device_options.secure_boot = options.secure_boot;
  device_options.secure_download_mode = options.secure_download_mode;
  device_options.faults = options.faults;
  device_options.seed = options.seed;
  device_options.power_on_download = options.protocol == Protocol::kRaw;
  if (!options.flash_file.empty()) {
    std::string error;
    if (!load_flash_file(options.flash_file, &device_options.initial_flash, &error)) {
      std::fprintf(stderr, "hw-sim: %s\n", error.c_str());
      return 1;
    }
    if (device_options.initial_flash.size() > options.flash_size) {
      std::fprintf(stderr, "hw-sim: %s is larger than the flash; the rest is ignored\n",
                   options.flash_file.c_str());
    }
  }
  Device device(device_options);
  if (options.verbose) {
    device.set_trace([](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); });
  }
  install_signals();
  uint16_t port = 0;
  const int listener = open_listener(options.port, &port);
  if (listener < 0) {
    std::fprintf(stderr, "hw-sim: cannot listen on 127.0.0.1:%u: %s\n", options.port,
                 std::strerror(errno));
    return 1;
  }
  std::printf("listening on 127.0.0.1:%u\n", port);
  std::fflush(stdout);

  Clock clock;
  while (g_stop == 0) {
    pollfd pfd{listener, POLLIN, 0};
    if (poll(&pfd, 1, -1) <= 0) continue;
    const int fd = accept(listener, nullptr, nullptr);
    if (fd < 0) continue;
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (options.verbose) std::fprintf(stderr, "hw-sim: client connected\n");
    Session(options, device, clock, fd).run();
    close(fd);
    if (options.verbose) std::fprintf(stderr, "hw-sim: client disconnected\n");
    save(options, device);
  }
  close(listener);
  save(options, device);
  return 0;
}

}  // namespace hwsim::server
