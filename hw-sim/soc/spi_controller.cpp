// SpiController: register file and the USR transaction run on CMD.USR.
#include "hw-sim/soc/spi_controller.h"

#include <optional>

#include "hw-sim/base/bytes.h"

namespace hwsim {
namespace {

// Bit fields, identical on every chip (chips.md §3).
constexpr uint32_t kCmdUsr = 1u << 18;
constexpr uint32_t kUsrCommand = 1u << 31;
constexpr uint32_t kUsrAddr = 1u << 30;
constexpr uint32_t kUsrMiso = 1u << 28;
constexpr uint32_t kUsrMosi = 1u << 27;
constexpr uint32_t kUsr1AddrLenShift = 26;
// ESP8266 keeps the data bit lengths in USR1 (esptool set_data_lengths for the 8266).
constexpr uint32_t kEsp8266MisoLenShift = 8;
constexpr uint32_t kEsp8266MosiLenShift = 17;

}  // namespace

SpiController::SpiController(const SpiControllerLayout& layout, NorFlash& flash)
    : layout_(layout), flash_(flash) {}

void SpiController::reset() {
  cmd_ = addr_ = usr_ = usr1_ = usr2_ = mosi_dlen_ = miso_dlen_ = 0;
  w_.fill(0);
  attached_ = false;
}

uint32_t* SpiController::reg(uint32_t address) {
  if (address < layout_.base || address >= layout_.base + 0x100) return nullptr;
  const uint32_t off = address - layout_.base;
  if (off == 0) return &cmd_;
  if (off == 4) return &addr_;
  if (off == layout_.usr) return &usr_;
  if (off == layout_.usr1) return &usr1_;
  if (off == layout_.usr2) return &usr2_;
  if (layout_.mosi_dlen != 0 && off == layout_.mosi_dlen) return &mosi_dlen_;
  if (layout_.miso_dlen != 0 && off == layout_.miso_dlen) return &miso_dlen_;
  if (off >= layout_.w0 && off < layout_.w0 + 64 && (off - layout_.w0) % 4 == 0) {
    return &w_[(off - layout_.w0) / 4];
  }
  return nullptr;
}

bool SpiController::read(uint32_t address, Millis, uint32_t* value) {
  uint32_t* r = reg(address);
  if (r == nullptr) return false;
  *value = *r;
  return true;
}

bool SpiController::write(uint32_t address, uint32_t value, Millis now) {
  uint32_t* r = reg(address);
  if (r == nullptr) return false;
  *r = value;
  if (r == &cmd_ && (value & kCmdUsr) != 0) execute(now);
  return true;
}

void SpiController::execute(Millis now) {
  const bool has_dlen = layout_.mosi_dlen != 0;
  const uint8_t opcode = static_cast<uint8_t>(usr2_ & 0xFF);
  std::optional<uint32_t> address;
  if ((usr_ & kUsrAddr) != 0) {
    const uint32_t bits = ((usr1_ >> kUsr1AddrLenShift) & 0x3F) + 1;
    uint32_t value = layout_.address_left_aligned ? addr_ >> (32 - bits) : addr_;
    if (bits < 32) value &= (1u << bits) - 1;
    address = value;
  }
  Bytes mosi;
  if ((usr_ & kUsrMosi) != 0) {
    const uint32_t bits = (has_dlen ? mosi_dlen_ : (usr1_ >> kEsp8266MosiLenShift)) % 512 + 1;
    for (uint32_t i = 0; i < (bits + 7) / 8 && i < 64; ++i) {
      mosi.push_back(static_cast<uint8_t>(w_[i / 4] >> (8 * (i % 4))));
    }
  }
  size_t miso_bytes = 0;
  if ((usr_ & kUsrMiso) != 0) {
    const uint32_t bits = (has_dlen ? miso_dlen_ : (usr1_ >> kEsp8266MisoLenShift)) % 512 + 1;
    miso_bytes = (bits + 7) / 8;
  }
  if ((usr_ & kUsrCommand) != 0) {
    Bytes miso(miso_bytes, 0xFF);
    if (attached_) miso = flash_.transact(opcode, address, mosi, miso_bytes, now);
    for (size_t i = 0; i < miso.size() && i < 64; ++i) {
      const uint32_t shift = 8 * (i % 4);
      w_[i / 4] = (w_[i / 4] & ~(0xFFu << shift)) | (static_cast<uint32_t>(miso[i]) << shift);
    }
  }
  cmd_ &= ~kCmdUsr;
}

}  // namespace hwsim
