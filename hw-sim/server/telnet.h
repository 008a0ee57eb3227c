// Telnet layer for RFC 2217 (RFC 854 commands, RFC 855 options, RFC 1143-style negotiation
// reduced to what a COM port server needs). TelnetParser splits the byte stream into data,
// option negotiations and subnegotiations (IAC IAC is a data 0xFF); OptionTable answers DO/DONT/
// WILL/WONT without loops: a request we made is acknowledged silently, a new one is answered.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "hw-sim/base/bytes.h"

namespace hwsim::server::telnet {

inline constexpr uint8_t kIac = 255, kDont = 254, kDo = 253, kWont = 252, kWill = 251;
inline constexpr uint8_t kSb = 250, kSe = 240;
inline constexpr uint8_t kBinary = 0, kEcho = 1, kSga = 3, kComPort = 44;

class TelnetParser {
 public:
  struct Handlers {
    std::function<void(uint8_t)> data;
    std::function<void(uint8_t command, uint8_t option)> negotiate;
    std::function<void(std::span<const uint8_t>)> subnegotiation;  // option byte first
  };
  explicit TelnetParser(Handlers handlers) : handlers_(std::move(handlers)) {}
  void feed(std::span<const uint8_t> bytes);

 private:
  enum class State { kData, kIac, kNegotiate, kSub, kSubIac };
  Handlers handlers_;
  State state_ = State::kData;
  uint8_t command_ = 0;
  Bytes sub_;
};

// Per-option state on both sides of the connection.
class OptionTable {
 public:
  // Options we will enable locally / accept remotely.
  OptionTable(std::initializer_list<uint8_t> local_ok, std::initializer_list<uint8_t> remote_ok);

  // Our opening requests (marked as pending); appends IAC WILL/DO sequences to *out.
  void request_local(uint8_t option, Bytes* out);
  void request_remote(uint8_t option, Bytes* out);
  // Handles an incoming DO/DONT/WILL/WONT; appends the answer, if any, to *out.
  void receive(uint8_t command, uint8_t option, Bytes* out);
  bool remote_enabled(uint8_t option) const { return remote_[option] == State::kYes; }
  bool local_enabled(uint8_t option) const { return local_[option] == State::kYes; }

 private:
  enum class State : uint8_t { kNo, kYes, kWantYes };
  static void send(uint8_t command, uint8_t option, Bytes* out);
  bool local_ok_[256] = {};
  bool remote_ok_[256] = {};
  State local_[256] = {};
  State remote_[256] = {};
};

}  // namespace hwsim::server::telnet
