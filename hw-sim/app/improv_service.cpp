#include "hw-sim/app/improv_service.h"

namespace hwsim {
namespace {

// serial.md "Packet format": 6 header bytes, version, type, length, data, checksum.
constexpr char kHeader[] = "IMPROV";
constexpr size_t kHeaderSize = 6;
constexpr uint8_t kVersion = 1;
constexpr size_t kPrefix = kHeaderSize + 3;  // header, version, type, length
// serial.md "Packet: Error state".
constexpr uint8_t kNoError = 0x00, kInvalidRpc = 0x01, kUnknownCommand = 0x02, kUnableToConnect = 0x03;
// serial.md "Packet: RPC Command" ids.
constexpr uint8_t kSendWifi = 0x01, kCurrentState = 0x02, kDeviceInfo = 0x03, kScan = 0x04;

uint8_t sum(const Bytes& bytes) {
  unsigned s = 0;
  for (uint8_t b : bytes) s += b;
  return static_cast<uint8_t>(s & 0xFF);
}

bool starts_with_header(const Bytes& line) {
  for (size_t i = 0; i < kHeaderSize && i < line.size(); ++i)
    if (line[i] != static_cast<uint8_t>(kHeader[i])) return false;
  return true;
}

// Length-prefixed strings of an RPC command (SSID, password).
bool read_string(const Bytes& data, size_t& at, std::string& out) {
  if (at >= data.size() || at + 1 + data[at] > data.size()) return false;
  out.assign(data.begin() + at + 1, data.begin() + at + 1 + data[at]);
  at += 1 + data[at];
  return true;
}

}  // namespace

Bytes ImprovService::packet(uint8_t type, const Bytes& data) {
  Bytes out(kHeader, kHeader + kHeaderSize);
  out.push_back(kVersion);
  out.push_back(type);
  out.push_back(static_cast<uint8_t>(data.size()));
  out.insert(out.end(), data.begin(), data.end());
  out.push_back(sum(out));
  out.push_back('\n');  // clients read packets at line starts
  return out;
}

Bytes ImprovService::result(uint8_t command, const std::vector<std::string>& strings) {
  Bytes body;
  for (const std::string& s : strings) {
    body.push_back(static_cast<uint8_t>(s.size()));
    body.insert(body.end(), s.begin(), s.end());
  }
  Bytes data{command, static_cast<uint8_t>(body.size())};
  data.insert(data.end(), body.begin(), body.end());
  return packet(kTypeResult, data);
}

Bytes ImprovService::push(uint8_t byte) {
  if (expected_ == 0 && byte == '\n') {
    line_.clear();
    return {};
  }
  line_.push_back(byte);
  if (expected_ == 0) {
    if (!starts_with_header(line_)) {
      // Not a packet: ignore the rest of this line.
      if (line_.size() <= kHeaderSize) return {};
      line_.clear();
      return {};
    }
    if (line_.size() == kPrefix) expected_ = kPrefix + line_[8] + 1;
    return {};
  }
  if (line_.size() < expected_) return {};
  Bytes whole = std::move(line_);
  line_.clear();
  expected_ = 0;
  return handle(whole);
}

Bytes ImprovService::handle(const Bytes& p) {
  const Bytes body(p.begin(), p.end() - 1);
  if (p[6] != kVersion || sum(body) != p.back() || p[7] != kTypeRpc) return packet(kTypeError, {kInvalidRpc});
  const Bytes data(p.begin() + kPrefix, p.end() - 1);
  if (data.size() < 2 || data[1] + 2u != data.size()) return packet(kTypeError, {kInvalidRpc});
  // serial.md: on every RPC command the device first clears the error state.
  Bytes out = packet(kTypeError, {kNoError});
  const Bytes answer = rpc(data[0], Bytes(data.begin() + 2, data.end()));
  out.insert(out.end(), answer.begin(), answer.end());
  return out;
}

Bytes ImprovService::rpc(uint8_t command, const Bytes& data) {
  switch (command) {
    case kCurrentState: {
      Bytes out = packet(kTypeState, {state_});
      if (state_ == kProvisioned) {
        const Bytes url = result(kSendWifi, {config_.provisioned_url});
        out.insert(out.end(), url.begin(), url.end());
      }
      return out;
    }
    case kDeviceInfo:
      return result(kDeviceInfo, {config_.firmware, config_.version, config_.chip_variant, config_.device_name});
    case kScan: {
      // One result per network, then an empty one (serial.md "Request scanned Wi-Fi networks").
      Bytes out = result(kScan, {config_.ssid, "-52", "YES"});
      const Bytes other = result(kScan, {"neighbours-open", "-80", "NO"});
      const Bytes end = result(kScan, {});
      out.insert(out.end(), other.begin(), other.end());
      out.insert(out.end(), end.begin(), end.end());
      return out;
    }
    case kSendWifi: {
      size_t at = 0;
      std::string ssid, password;
      if (!read_string(data, at, ssid) || !read_string(data, at, password)) return packet(kTypeError, {kInvalidRpc});
      Bytes out = packet(kTypeState, {kProvisioning});
      if (ssid != config_.ssid || password != config_.password) {
        state_ = kReady;
        const Bytes err = packet(kTypeError, {kUnableToConnect});
        out.insert(out.end(), err.begin(), err.end());
        return out;
      }
      state_ = kProvisioned;
      const Bytes done = packet(kTypeState, {kProvisioned});
      const Bytes url = result(kSendWifi, {config_.provisioned_url});
      out.insert(out.end(), done.begin(), done.end());
      out.insert(out.end(), url.begin(), url.end());
      return out;
    }
    default:
      return packet(kTypeError, {kUnknownCommand});
  }
}

}  // namespace hwsim
