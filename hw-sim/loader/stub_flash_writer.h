// StubFlashWriter: the legacy stub's flash-write session (flasher_stub/stub_write_flash.c of
// esptool v4.7.0, the source of the v1.3 binaries esptool v4.8.1 ships): FLASH_BEGIN records how
// many bytes will come and which sectors to erase; each data block is written after its ACK,
// erasing ahead (64 KiB block erase when aligned and at least 16 sectors remain, else 4 KiB
// sector erase) with erases that are started and not waited for, so they run on while the stub
// inflates and receives the next block; padding past the announced size is dropped; a write
// error is latched and reported on the next data command or FLASH_END. FLASH_DEFL_* inflate the
// zlib stream through a 32 KiB buffer first.
#pragma once

#include <cstdint>
#include <span>

#include "hw-sim/base/bytes.h"
#include "hw-sim/base/time.h"
#include "hw-sim/flash/nor_flash.h"
#include "hw-sim/loader/inflater.h"

namespace hwsim {

// Legacy stub error bytes (serial-protocol.md §5).
namespace stub_error {
inline constexpr uint8_t kOk = 0x00;
inline constexpr uint8_t kGeneric = 0x01;  // any `len_check || handler()` failure
inline constexpr uint8_t kBadDataLen = 0xC0;
inline constexpr uint8_t kBadDataChecksum = 0xC1;
inline constexpr uint8_t kBadBlocksize = 0xC2;
inline constexpr uint8_t kFailedSpiOp = 0xC4;
inline constexpr uint8_t kNotInFlashMode = 0xC6;
inline constexpr uint8_t kInflateError = 0xC7;
inline constexpr uint8_t kNotEnoughData = 0xC8;
inline constexpr uint8_t kTooMuchData = 0xC9;
inline constexpr uint8_t kNotImplemented = 0xFF;
}  // namespace stub_error

class StubFlashWriter {
 public:
  explicit StubFlashWriter(NorFlash& flash) : flash_(flash) {}

  void begin(uint32_t total_size, uint32_t offset);
  void begin_deflate(uint32_t uncompressed_size, uint32_t compressed_budget, uint32_t offset);
  // Write paths, run after the ACK; return when the CPU is done (programs included; an erase
  // started on the way may still be running).
  Millis write(std::span<const uint8_t> data, Millis now);
  Millis write_deflated(std::span<const uint8_t> data, Millis now);
  // FLASH_END / FLASH_DEFL_END: the error to report (and leaves flash mode on success).
  uint8_t end();

  bool in_flash_mode() const { return in_flash_mode_; }
  uint8_t last_error() const { return last_error_; }
  // SPI_SET_PARAMS total size: the ROM SPIWrite routine refuses writes past it.
  void set_chip_size(uint32_t size) { chip_size_ = size; }
  uint32_t chip_size() const { return chip_size_; }

 private:
  void start_next_erase(Millis now);

  NorFlash& flash_;
  uint32_t chip_size_ = 16 * 1024 * 1024;
  bool in_flash_mode_ = false;
  uint32_t next_write_ = 0;
  uint32_t next_erase_sector_ = 0;
  uint32_t remaining_ = 0;
  uint32_t remaining_erase_sectors_ = 0;
  uint8_t last_error_ = stub_error::kOk;
  uint32_t remaining_compressed_ = 0;
  Inflater inflater_;
  Bytes out_buf_;  // inflated bytes waiting for a full 32 KiB buffer or the stream end
};

}  // namespace hwsim
