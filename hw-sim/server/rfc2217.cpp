// Rfc2217Link: COM-PORT-OPTION requests and their server answers; IAC doubling of data.
#include "hw-sim/server/rfc2217.h"

namespace hwsim::server {
namespace {

using namespace telnet;

// COM-PORT-OPTION commands, client to server (RFC 2217 §3); the server answers with +100.
constexpr uint8_t kSetBaudrate = 1, kSetDatasize = 2, kSetParity = 3, kSetStopsize = 4;
constexpr uint8_t kSetControl = 5, kNotifyLinestate = 6, kNotifyModemstate = 7;
constexpr uint8_t kFlowSuspend = 8, kFlowResume = 9, kSetLinestateMask = 10;
constexpr uint8_t kSetModemstateMask = 11, kPurgeData = 12;
constexpr uint8_t kServerOffset = 100;

// SET-CONTROL values (RFC 2217 §3, "SET-CONTROL").
constexpr uint8_t kReqFlowSetting = 0, kNoFlowControl = 1, kReqBreak = 4, kBreakOff = 6;
constexpr uint8_t kReqDtr = 7, kDtrOn = 8, kDtrOff = 9, kReqRts = 10, kRtsOn = 11, kRtsOff = 12;

// Purge values (RFC 2217 §3, "PURGE-DATA"): the server's receive buffer holds serial data not
// yet sent to the network (the chip's output); its transmit buffer holds network data not yet
// sent to the serial line.
constexpr uint8_t kPurgeReceive = 1, kPurgeTransmit = 2, kPurgeBoth = 3;

// Modem state reported: CTS and DSR present (a bridge with its lines connected).
constexpr uint8_t kModemState = 0x30;

}  // namespace

Rfc2217Link::Rfc2217Link(Device& device, bool reset_bridge)
    : device_(device),
      bridge_(device, !reset_bridge),
      options_({kBinary, kEcho, kSga, kComPort}, {kBinary, kSga, kComPort}),
      parser_({[this](uint8_t b) { pending_data_.push_back(b); },
               [this](uint8_t command, uint8_t option) {
                 const bool had_com_port = options_.remote_enabled(kComPort);
                 options_.receive(command, option, &control_out_);
                 if (!had_com_port && options_.remote_enabled(kComPort)) {
                   reply_u8(kNotifyModemstate, kModemState);
                 }
               },
               [this](std::span<const uint8_t> sub) {
                 flush_data();  // data sent before a control change reaches the line first
                 if (!sub.empty() && sub[0] == kComPort) com_port(sub.subspan(1), now_);
               }}) {}

void Rfc2217Link::flush_data() {
  if (pending_data_.empty()) return;
  device_.host_write(pending_data_, now_);
  pending_data_.clear();
}

void Rfc2217Link::on_connect(Millis now) {
  now_ = now;
  // The same opening requests as pyserial's PortManager: WILL ECHO, WILL SGA, DO BINARY,
  // WILL COM-PORT-OPTION.
  options_.request_local(kEcho, &control_out_);
  options_.request_local(kSga, &control_out_);
  options_.request_remote(kBinary, &control_out_);
  options_.request_local(kComPort, &control_out_);
  device_.discard_output(now);  // what the chip printed while nobody listened is gone
}

void Rfc2217Link::on_bytes(std::span<const uint8_t> bytes, Millis now) {
  now_ = now;
  parser_.feed(bytes);
  flush_data();
}

void Rfc2217Link::reply(uint8_t command, std::span<const uint8_t> value) {
  control_out_.insert(control_out_.end(),
                      {kIac, kSb, kComPort, static_cast<uint8_t>(command + kServerOffset)});
  for (uint8_t b : value) {
    control_out_.push_back(b);
    if (b == kIac) control_out_.push_back(kIac);
  }
  control_out_.insert(control_out_.end(), {kIac, kSe});
}

void Rfc2217Link::com_port(std::span<const uint8_t> sub, Millis now) {
  if (sub.empty()) return;
  const uint8_t command = sub[0];
  const std::span<const uint8_t> value = sub.subspan(1);
  const uint8_t v0 = value.empty() ? 0 : value[0];
  switch (command) {
    case kSetBaudrate: {
      if (value.size() >= 4) {
        const uint32_t baud =
            (static_cast<uint32_t>(value[0]) << 24) | (value[1] << 16) | (value[2] << 8) | value[3];
        if (baud != 0) {
          baud_ = baud;
          device_.set_baud(baud, now);
        }
      }
      const uint8_t be[4] = {static_cast<uint8_t>(baud_ >> 24), static_cast<uint8_t>(baud_ >> 16),
                             static_cast<uint8_t>(baud_ >> 8), static_cast<uint8_t>(baud_)};
      reply(kSetBaudrate, be);
      break;
    }
    case kSetDatasize:
      if (v0 != 0) datasize_ = v0;
      reply_u8(command, datasize_);
      break;
    case kSetParity:
      if (v0 != 0) parity_ = v0;
      reply_u8(command, parity_);
      break;
    case kSetStopsize:
      if (v0 != 0) stopsize_ = v0;
      reply_u8(command, stopsize_);
      break;
    case kSetControl:
      set_control(v0, now);
      break;
    case kNotifyLinestate:
      reply_u8(command, 0);
      break;
    case kNotifyModemstate:
      reply_u8(command, kModemState & modemstate_mask_);
      break;
    case kFlowSuspend:
      output_suspended_ = true;
      break;
    case kFlowResume:
      output_suspended_ = false;
      break;
    case kSetLinestateMask:
      linestate_mask_ = v0;
      reply_u8(command, linestate_mask_);
      break;
    case kSetModemstateMask:
      modemstate_mask_ = v0;
      reply_u8(command, modemstate_mask_);
      break;
    case kPurgeData:
      if (v0 == kPurgeReceive || v0 == kPurgeBoth) device_.discard_output(now);
      if (v0 == kPurgeTransmit || v0 == kPurgeBoth) device_.discard_input(now);
      reply_u8(command, v0);
      break;
    default:
      break;  // unknown COM-PORT command: ignored, as RFC 2217 allows
  }
}

void Rfc2217Link::set_control(uint8_t value, Millis now) {
  switch (value) {
    case kReqFlowSetting:
      reply_u8(kSetControl, kNoFlowControl);
      break;
    case kReqBreak:
      reply_u8(kSetControl, kBreakOff);
      break;
    case kReqDtr:
      reply_u8(kSetControl, bridge_.dtr_requested() ? kDtrOn : kDtrOff);
      break;
    case kReqRts:
      reply_u8(kSetControl, bridge_.rts_requested() ? kRtsOn : kRtsOff);
      break;
    case kDtrOn:
    case kDtrOff:
      bridge_.set_dtr(value == kDtrOn, now);
      reply_u8(kSetControl, value);
      break;
    case kRtsOn:
    case kRtsOff:
      bridge_.set_rts(value == kRtsOn, now);
      reply_u8(kSetControl, value);
      break;
    default:
      reply_u8(kSetControl, value);
      break;  // flow control, break: accepted as asked
  }
}

void Rfc2217Link::poll(Millis now) {
  now_ = now;
  bridge_.poll(now);
  device_.advance(now);
}

void Rfc2217Link::collect(Millis now, Bytes* out) {
  out->insert(out->end(), control_out_.begin(), control_out_.end());
  control_out_.clear();
  if (output_suspended_) return;
  for (uint8_t b : device_.take_output(now)) {
    out->push_back(b);
    if (b == kIac) out->push_back(kIac);  // data 0xFF travels doubled
  }
}

void Rfc2217Link::on_disconnect(Millis now) { bridge_.release(now); }

}  // namespace hwsim::server
