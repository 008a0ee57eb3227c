// SPI NOR behaviour follows the common W25Q-class command set (RDID 9F, RDSR 05/35/15, WRSR
// 01/31/11, WREN 06, WRDI 04, WEVSR 50, READ 03, PP 02, SE 20, BE D8, CE C7/60, SFDP 5A, DPD B9,
// RDP AB): the subset esptool and the ROM/stub flash routines issue.
#include "hw-sim/flash/nor_flash.h"

#include <algorithm>

#include "hw-sim/base/check.h"

namespace hwsim {
namespace {

constexpr uint32_t kWipBit = 1u << 0;
constexpr uint32_t kWelBit = 1u << 1;
constexpr uint32_t kBlockProtectBits = 0x1Cu;  // SR1 BP0..BP2
constexpr uint32_t kQuadEnableBit = 1u << 9;   // SR2 QE

uint8_t capacity_byte(uint32_t size) {
  uint8_t log2 = 0;
  while ((1u << log2) < size) ++log2;
  return log2;
}

}  // namespace

NorFlash::NorFlash(uint32_t size_bytes, uint8_t manufacturer, uint8_t memory_type,
                   FlashTiming timing)
    : data_(size_bytes, 0xFF),
      manufacturer_(manufacturer),
      memory_type_(memory_type),
      timing_(timing) {
  HWSIM_CHECK(size_bytes >= kBlockSize && (size_bytes & (size_bytes - 1)) == 0,
              "flash size must be a power of two >= 64 KiB");
}

uint32_t NorFlash::jedec_id() const {
  return manufacturer_ | (static_cast<uint32_t>(memory_type_) << 8) |
         (static_cast<uint32_t>(capacity_byte(size())) << 16);
}

void NorFlash::load(std::span<const uint8_t> image) {
  std::fill(data_.begin(), data_.end(), 0xFF);
  std::copy_n(image.begin(), std::min(image.size(), data_.size()), data_.begin());
}

Bytes NorFlash::read(uint32_t offset, uint32_t length) const {
  Bytes out(length, 0xFF);
  if (powered_down_) return out;
  const uint32_t mask = size() - 1;
  for (uint32_t i = 0; i < length; ++i) out[i] = data_[(offset + i) & mask];
  return out;
}

Millis NorFlash::read_cost(uint32_t length) const {
  return static_cast<double>(length) / timing_.read_bytes_per_ms;
}

Millis NorFlash::finish(Millis begin, Millis duration) {
  busy_until_ = begin + duration;
  return busy_until_;
}

bool NorFlash::is_write_protected() const { return (status_ & kBlockProtectBits) != 0; }

void NorFlash::unlock() { status_ &= kQuadEnableBit; }

Millis NorFlash::program(uint32_t offset, std::span<const uint8_t> bytes, Millis now) {
  const Millis begin = start(now);
  if (bytes.empty()) return begin;
  const uint32_t mask = size() - 1;
  if (!powered_down_ && !is_write_protected()) {
    for (size_t i = 0; i < bytes.size(); ++i) data_[(offset + i) & mask] &= bytes[i];
  }
  const uint32_t first_page = offset / kPageSize;
  const uint32_t last_page = (offset + static_cast<uint32_t>(bytes.size()) - 1) / kPageSize;
  return finish(begin, timing_.page_program * (last_page - first_page + 1));
}

void NorFlash::erase_range(uint32_t offset, uint32_t length) {
  if (powered_down_ || is_write_protected()) return;
  const uint32_t mask = size() - 1;
  for (uint32_t i = 0; i < length; ++i) data_[(offset + i) & mask] = 0xFF;
}

Millis NorFlash::erase_sector(uint32_t offset, Millis now) {
  erase_range(offset & ~(kSectorSize - 1), kSectorSize);
  return finish(start(now), timing_.sector_erase);
}

Millis NorFlash::erase_block(uint32_t offset, Millis now) {
  erase_range(offset & ~(kBlockSize - 1), kBlockSize);
  return finish(start(now), timing_.block_erase);
}

Millis NorFlash::erase_chip(Millis now) {
  erase_range(0, size());
  const double units = static_cast<double>(size()) / (4.0 * 1024 * 1024);
  return finish(start(now), timing_.chip_erase_per_4mb * units);
}

uint8_t NorFlash::status_byte(int index, Millis now) const {
  uint32_t value = status_;
  if (write_enabled_) value |= kWelBit;
  if (is_busy(now)) value |= kWipBit;
  return static_cast<uint8_t>(value >> (8 * index));
}

void NorFlash::write_status(int first_index, std::span<const uint8_t> bytes, Millis now) {
  if (!write_enabled_) return;  // WRSR without WREN/WEVSR is ignored by the part
  for (size_t i = 0; i < bytes.size() && first_index + i < 3; ++i) {
    const uint32_t shift = 8 * (first_index + static_cast<uint32_t>(i));
    status_ = (status_ & ~(0xFFu << shift)) | (static_cast<uint32_t>(bytes[i]) << shift);
  }
  status_ &= ~(kWipBit | kWelBit);  // those two are live bits, not stored
  write_enabled_ = false;
  finish(start(now), timing_.status_write);
}

// A minimal SFDP image: header "SFDP" v1.6 with two parameter headers, the second naming the
// vendor (JEDEC id) at 0x10, which is the byte esptool's XMC check reads (serial-protocol.md §11).
uint8_t NorFlash::sfdp_byte(uint32_t address) const {
  static const uint8_t kHeader[24] = {'S',  'F',  'D',  'P',  0x06, 0x01, 0x01, 0xFF,
                                      0x00, 0x06, 0x01, 0x10, 0x80, 0x00, 0x00, 0xFF,
                                      0x00, 0x00, 0x01, 0x03, 0x90, 0x00, 0x00, 0xFF};
  if (address == 0x10) return manufacturer_;
  if (address < sizeof(kHeader)) return kHeader[address];
  return 0xFF;
}

Bytes NorFlash::transact(uint8_t opcode, std::optional<uint32_t> address,
                         std::span<const uint8_t> mosi, size_t miso_bytes, Millis now) {
  Bytes miso(miso_bytes, 0xFF);
  if (powered_down_) {
    if (opcode == 0xAB) powered_down_ = false;  // release from deep power-down
    return miso;
  }
  const uint32_t addr = address.value_or(0);
  switch (opcode) {
    case 0x9F:  // RDID
      for (size_t i = 0; i < miso_bytes && i < 3; ++i)
        miso[i] = static_cast<uint8_t>(jedec_id() >> (8 * i));
      break;
    case 0x05:
    case 0x35:
    case 0x15: {  // RDSR, RDSR2, RDSR3
      const int index = opcode == 0x05 ? 0 : (opcode == 0x35 ? 1 : 2);
      for (size_t i = 0; i < miso_bytes; ++i) miso[i] = status_byte(index, now);
      break;
    }
    case 0x06:
    case 0x50:
      write_enabled_ = true;
      break;  // WREN, WEVSR
    case 0x04:
      write_enabled_ = false;
      break;  // WRDI
    case 0x01:
      write_status(0, mosi, now);
      break;  // WRSR (1 or 2 bytes)
    case 0x31:
      write_status(1, mosi.first(std::min<size_t>(1, mosi.size())), now);
      break;
    case 0x11:
      write_status(2, mosi.first(std::min<size_t>(1, mosi.size())), now);
      break;
    case 0x5A:  // SFDP read (24-bit address, 8 dummy cycles)
      for (size_t i = 0; i < miso_bytes; ++i) miso[i] = sfdp_byte(addr + static_cast<uint32_t>(i));
      break;
    case 0x03:
    case 0x0B: {  // READ / FAST_READ
      const Bytes bytes = read(addr, static_cast<uint32_t>(miso_bytes));
      std::copy(bytes.begin(), bytes.end(), miso.begin());
      break;
    }
    case 0x02:  // page program
      if (write_enabled_) program(addr, mosi, now);
      write_enabled_ = false;
      break;
    case 0x20:
    case 0xD8:
    case 0xC7:
    case 0x60:
      if (write_enabled_) {
        if (opcode == 0x20)
          erase_sector(addr, now);
        else if (opcode == 0xD8)
          erase_block(addr, now);
        else
          erase_chip(now);
      }
      write_enabled_ = false;
      break;
    case 0xB9:
      powered_down_ = true;
      break;    // deep power-down
    case 0xAB:  // release power-down / read electronic id
      for (size_t i = 0; i < miso_bytes; ++i) miso[i] = capacity_byte(size()) - 1;
      break;
    default:
      break;  // 0x79/0xFF (XMC ultra-deep power-down entry/exit) and others: no effect
  }
  return miso;
}

}  // namespace hwsim
