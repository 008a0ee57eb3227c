// NorFlash: a SPI NOR flash chip. Erased bytes are 0xFF, programming can only clear bits (new =
// old AND data), erase works on 4 KiB sectors, 64 KiB blocks or the whole chip, addresses wrap at
// the chip size as on a real part. Every operation takes the time it starts and returns the time
// it completes (typical SPI NOR figures, FlashTiming); the chip is busy (status WIP) until then.
// The backing store is in memory: loading and saving a file is the server's job, not this class's.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "hw-sim/base/bytes.h"
#include "hw-sim/base/time.h"

namespace hwsim {

// Typical figures for a 4 MB SPI NOR part (W25Q32-class datasheets, issue #3's numbers).
struct FlashTiming {
  Millis sector_erase = 45.0;           // 4 KiB
  Millis block_erase = 150.0;           // 64 KiB
  Millis chip_erase_per_4mb = 10000.0;  // scaled by size
  Millis page_program = 0.4;            // per 256-byte page touched
  Millis status_write = 5.0;            // WRSR
  double read_bytes_per_ms = 20000.0;   // ~20 MB/s on the SPI bus
};

inline constexpr uint32_t kSectorSize = 0x1000;
inline constexpr uint32_t kBlockSize = 0x10000;
inline constexpr uint32_t kPageSize = 0x100;

class NorFlash {
 public:
  // `size_bytes` must be a power of two >= 64 KiB. JEDEC id: `manufacturer`, `memory_type`, then
  // the capacity byte log2(size) (0x16 = 4 MB), which esptool's table maps back to the size.
  explicit NorFlash(uint32_t size_bytes, uint8_t manufacturer = 0xEF, uint8_t memory_type = 0x40,
                    FlashTiming timing = {});

  uint32_t size() const { return static_cast<uint32_t>(data_.size()); }
  // As esptool reads RDID through SPI W0: manufacturer | type << 8 | capacity << 16.
  uint32_t jedec_id() const;
  std::span<const uint8_t> contents() const { return data_; }
  // Replaces the contents (a --flash-file or test fixture); shorter input leaves the rest erased.
  void load(std::span<const uint8_t> image);

  // Data path used by the ROM and stub routines (which enable writes themselves).
  Bytes read(uint32_t offset, uint32_t length) const;
  Millis read_cost(uint32_t length) const;
  Millis program(uint32_t offset, std::span<const uint8_t> data, Millis now);
  Millis erase_sector(uint32_t offset, Millis now);
  Millis erase_block(uint32_t offset, Millis now);
  Millis erase_chip(Millis now);
  // Clears the block-protect bits (keeps QE), as the ROM's and stub's SPIUnlock do before writing.
  void unlock();

  Millis busy_until() const { return busy_until_; }
  bool is_busy(Millis now) const { return now < busy_until_; }
  bool is_write_protected() const;

  // One SPI transaction as the controller clocks it (opcode, optional address, MOSI bytes, then
  // `miso_bytes` read back). Unknown opcodes read back 0xFF (MISO idles high).
  Bytes transact(uint8_t opcode, std::optional<uint32_t> address, std::span<const uint8_t> mosi,
                 size_t miso_bytes, Millis now);

  uint32_t status() const { return status_; }  // SR1 | SR2 << 8 | SR3 << 16 (WIP excluded)
  bool is_powered_down() const { return powered_down_; }
  const FlashTiming& timing() const { return timing_; }

 private:
  Millis start(Millis now) const { return now > busy_until_ ? now : busy_until_; }
  Millis finish(Millis begin, Millis duration);
  void erase_range(uint32_t offset, uint32_t length);
  uint8_t status_byte(int index, Millis now) const;
  void write_status(int first_index, std::span<const uint8_t> bytes, Millis now);
  uint8_t sfdp_byte(uint32_t address) const;

  Bytes data_;
  uint8_t manufacturer_;
  uint8_t memory_type_;
  FlashTiming timing_;
  Millis busy_until_ = 0.0;
  uint32_t status_ = 0;
  bool write_enabled_ = false;
  bool powered_down_ = false;
};

}  // namespace hwsim
