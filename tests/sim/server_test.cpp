// The hw-sim executable: prints its listening line first, answers SYNC over raw TCP, and speaks
// enough Telnet/RFC 2217 for pyserial's client (acknowledged COM-PORT requests). Loopback only;
// waits are poll() deadlines, never sleeps.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "tests/sim/support/sim_host.h"

namespace {

using simtest::Bytes;

class ServerProcess {
 public:
  explicit ServerProcess(std::vector<std::string> args) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      close(out[0]);
      std::vector<char*> argv{const_cast<char*>(HWSIM_SERVER_PATH)};
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(HWSIM_SERVER_PATH, argv.data());
      _exit(127);
    }
    close(out[1]);
    stdout_fd_ = out[0];
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
    if (stdout_fd_ >= 0) close(stdout_fd_);
  }

  // First stdout line, read within `timeout_ms`.
  std::string first_line(int timeout_ms = 5000) {
    std::string line;
    char c;
    while (poll_fd(stdout_fd_, timeout_ms) && read(stdout_fd_, &c, 1) == 1) {
      if (c == '\n') return line;
      line.push_back(c);
    }
    return line;
  }

  static bool poll_fd(int fd, int timeout_ms) {
    pollfd p{fd, POLLIN, 0};
    return poll(&p, 1, timeout_ms) > 0;
  }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
};

int connect_to(uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

uint16_t port_of(const std::string& line) {
  const std::string prefix = "listening on 127.0.0.1:";
  if (line.rfind(prefix, 0) != 0) return 0;
  return static_cast<uint16_t>(std::stoi(line.substr(prefix.size())));
}

// Reads from `fd` until `done(received)` or `timeout_ms` passes.
template <typename Done>
Bytes receive_until(int fd, Done done, int timeout_ms = 5000) {
  Bytes received;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!done(received)) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0 || !ServerProcess::poll_fd(fd, static_cast<int>(left))) break;
    uint8_t buf[4096];
    const ssize_t n = recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) break;
    received.insert(received.end(), buf, buf + n);
  }
  return received;
}

bool contains(const Bytes& haystack, const Bytes& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

// A SYNC reply as the ESP32 ROM frames it: C0 01 08 04 00 <value> 00 00 00 00 C0.
bool has_sync_reply(const Bytes& bytes) {
  return contains(bytes, Bytes{0xC0, 0x01, 0x08, 0x04, 0x00});
}

TEST(Server, PrintsListeningLineAndAnswersSyncOverRawTcp) {
  ServerProcess server({"--chip", "esp32", "--port", "0", "--protocol", "raw"});
  const std::string line = server.first_line();
  const uint16_t port = port_of(line);
  ASSERT_NE(port, 0) << "first line was: " << line;
  const int fd = connect_to(port);
  ASSERT_GE(fd, 0);
  const Bytes sync = simtest::slip(simtest::request(0x08, simtest::sync_payload()));
  ASSERT_EQ(send(fd, sync.data(), sync.size(), 0), static_cast<ssize_t>(sync.size()));
  const Bytes got = receive_until(fd, has_sync_reply);
  EXPECT_TRUE(has_sync_reply(got)) << "received " << got.size() << " bytes";
  close(fd);
}

TEST(Server, ServesOneConnectionAfterAnother) {
  ServerProcess server({"--chip", "esp32c3", "--port", "0", "--protocol", "raw"});
  const uint16_t port = port_of(server.first_line());
  ASSERT_NE(port, 0);
  for (int round = 0; round < 2; ++round) {
    const int fd = connect_to(port);
    ASSERT_GE(fd, 0);
    const Bytes sync = simtest::slip(simtest::request(0x08, simtest::sync_payload()));
    send(fd, sync.data(), sync.size(), 0);
    EXPECT_TRUE(has_sync_reply(receive_until(fd, has_sync_reply))) << "connection " << round;
    close(fd);
  }
}

TEST(Server, AcknowledgesRfc2217BaudAndControlRequests) {
  ServerProcess server({"--chip", "esp32", "--port", "0", "--protocol", "rfc2217"});
  const uint16_t port = port_of(server.first_line());
  ASSERT_NE(port, 0);
  const int fd = connect_to(port);
  ASSERT_GE(fd, 0);
  // WILL COM-PORT-OPTION, SET-BAUDRATE 115200, SET-CONTROL DTR off.
  const Bytes request{255, 251, 44,                                       // IAC WILL COM-PORT
                      255, 250, 44, 1, 0x00, 0x01, 0xC2, 0x00, 255, 240,  // SB SET-BAUDRATE
                      255, 250, 44, 5, 9,    255,  240};                  // SB SET-CONTROL DTR-OFF
  send(fd, request.data(), request.size(), 0);
  const Bytes baud_ack{255, 250, 44, 101, 0x00, 0x01, 0xC2, 0x00, 255, 240};
  const Bytes control_ack{255, 250, 44, 105, 9, 255, 240};
  const Bytes got = receive_until(
      fd, [&](const Bytes& b) { return contains(b, baud_ack) && contains(b, control_ack); });
  EXPECT_TRUE(contains(got, Bytes{255, 253, 44})) << "DO COM-PORT-OPTION";
  EXPECT_TRUE(contains(got, baud_ack));
  EXPECT_TRUE(contains(got, control_ack));
  close(fd);
}

}  // namespace
