// Telnet stream parsing and option negotiation state.
#include "hw-sim/server/telnet.h"

namespace hwsim::server::telnet {

void TelnetParser::feed(std::span<const uint8_t> bytes) {
  for (uint8_t b : bytes) {
    switch (state_) {
      case State::kData:
        if (b == kIac) {
          state_ = State::kIac;
        } else {
          handlers_.data(b);
        }
        break;
      case State::kIac:
        if (b == kIac) {
          handlers_.data(b);
          state_ = State::kData;
        } else if (b == kSb) {
          sub_.clear();
          state_ = State::kSub;
        } else if (b == kDo || b == kDont || b == kWill || b == kWont) {
          command_ = b;
          state_ = State::kNegotiate;
        } else {
          state_ = State::kData;  // NOP, GA, AYT...: nothing to do for a COM port
        }
        break;
      case State::kNegotiate:
        handlers_.negotiate(command_, b);
        state_ = State::kData;
        break;
      case State::kSub:
        if (b == kIac) {
          state_ = State::kSubIac;
        } else {
          sub_.push_back(b);
        }
        break;
      case State::kSubIac:
        if (b == kSe) {
          handlers_.subnegotiation(sub_);
          state_ = State::kData;
        } else {
          sub_.push_back(b);  // IAC IAC inside a subnegotiation is a 0xFF value byte
          state_ = State::kSub;
        }
        break;
    }
  }
}

OptionTable::OptionTable(std::initializer_list<uint8_t> local_ok,
                         std::initializer_list<uint8_t> remote_ok) {
  for (uint8_t o : local_ok) local_ok_[o] = true;
  for (uint8_t o : remote_ok) remote_ok_[o] = true;
}

void OptionTable::send(uint8_t command, uint8_t option, Bytes* out) {
  out->insert(out->end(), {kIac, command, option});
}

void OptionTable::request_local(uint8_t option, Bytes* out) {
  local_[option] = State::kWantYes;
  send(kWill, option, out);
}

void OptionTable::request_remote(uint8_t option, Bytes* out) {
  remote_[option] = State::kWantYes;
  send(kDo, option, out);
}

void OptionTable::receive(uint8_t command, uint8_t option, Bytes* out) {
  switch (command) {
    case kDo:  // peer asks us to enable `option`
      if (!local_ok_[option]) {
        send(kWont, option, out);
      } else if (local_[option] == State::kNo) {
        local_[option] = State::kYes;
        send(kWill, option, out);
      } else {
        local_[option] = State::kYes;  // acknowledgement of our WILL
      }
      break;
    case kDont:
      if (local_[option] == State::kYes) send(kWont, option, out);
      local_[option] = State::kNo;
      break;
    case kWill:  // peer offers to enable `option` on its side
      if (!remote_ok_[option]) {
        send(kDont, option, out);
      } else if (remote_[option] == State::kNo) {
        remote_[option] = State::kYes;
        send(kDo, option, out);
      } else {
        remote_[option] = State::kYes;  // acknowledgement of our DO
      }
      break;
    case kWont:
      if (remote_[option] == State::kYes) send(kDont, option, out);
      remote_[option] = State::kNo;
      break;
    default:
      break;
  }
}

}  // namespace hwsim::server::telnet
