// RomLoader: the serial download mode of the chip's mask ROM (serial-protocol.md §2-§16), one
// handler per opcode. Quirks modelled:
// - status bytes: [status, error] on ESP8266, [status, error, 0, 0] on every later ROM;
// - SYNC answers 8 times with a non-zero value; the UART follows the host's rate until the first
//   command is understood (autobaud);
// - FLASH_BEGIN/FLASH_DEFL_BEGIN take 4 words or 5 (the `encrypted` word of S2 and later; host
//   tools differ in when they send it), erase up front and answer after the erase; data blocks
//   land at offset + seq * block_size, are read back, and answer after the write;
// - ESP8266: FLASH_BEGIN attaches the flash and erases with the ROM's erase-size bug;
// - SPI_FLASH_MD5 answers 32 lower-case hex characters; READ_FLASH_SLOW 64 bytes at a time;
// - CHANGE_BAUDRATE answers at the old rate, then switches;
// - MEM_END with an entry inside uploaded code starts the flasher-stub model (see Device);
// - on the USB-OTG console (S2/S3), MEM_DATA/FLASH_DATA/FLASH_DEFL_DATA blocks above 0x800 bytes
//   are answered "invalid message" (the ROM's USB buffer is that small; esptool USB_RAM_BLOCK).
// - Secure Download Mode (S2 and later, when its eFuse is burned): only the commands of
//   op::allowed_in_secure_download are served; any other is refused (refuse()), and flash
//   operations are limited to 2 MB until SPI_SET_PARAMS says otherwise.
// Not modelled: encrypted writes (data is stored as sent).
#pragma once

#include <vector>

#include "hw-sim/loader/inflater.h"
#include "hw-sim/loader/loader.h"
#include "hw-sim/loader/packet.h"

namespace hwsim {

// Uploaded RAM ranges; an entry point inside one of them marks the upload as runnable code.
struct UploadedRange {
  uint32_t address;
  uint32_t size;
};

class RomLoader : public Loader {
 public:
  explicit RomLoader(LoaderContext& ctx);

  Millis handle(std::span<const uint8_t> frame, Millis now) override;
  size_t max_frame() const override { return 0x10000 + 16; }
  bool is_stub() const override { return false; }

  // The value field of SYNC replies: any non-zero word (observed values vary per boot).
  static constexpr uint32_t kSyncValue = 0x20120707;
  // The opcode byte of the reply that refuses a command in Secure Download Mode. Not documented:
  // what esptool (loader.py command()) keys on is an opcode other than the request's with status
  // [1, 0x05]; 0x00 is our stand-in.
  static constexpr uint8_t kRefusalOp = 0x00;
  // Times the refusal is sent (esptool master loader.py command(): "Unsupported command response
  // is sent 8 times and has 14 bytes length including delimiter 0xC0 bytes").
  static constexpr int kRefusalRepeats = 8;

 private:
  struct Reply {
    uint8_t error = 0;  // 0 = success, else ROM error code (serial-protocol.md §5)
    uint32_t value = 0;
    Bytes payload;
    Millis done = 0;  // when the reply starts (after the work)
  };
  using Handler = Reply (RomLoader::*)(const Request&, Millis);

  Handler handler_for(uint8_t op) const;
  void send(uint8_t op, const Reply& reply);
  Millis refuse(Millis now);

  Reply sync(const Request& r, Millis now);
  Reply read_reg(const Request& r, Millis now);
  Reply write_reg(const Request& r, Millis now);
  Reply mem_begin(const Request& r, Millis now);
  Reply mem_data(const Request& r, Millis now);
  Reply mem_end(const Request& r, Millis now);
  Reply flash_begin(const Request& r, Millis now);
  Reply flash_data(const Request& r, Millis now);
  Reply flash_end(const Request& r, Millis now);
  Reply defl_begin(const Request& r, Millis now);
  Reply defl_data(const Request& r, Millis now);
  Reply spi_set_params(const Request& r, Millis now);
  Reply spi_attach(const Request& r, Millis now);
  Reply read_flash_slow(const Request& r, Millis now);
  Reply change_baudrate(const Request& r, Millis now);
  Reply flash_md5(const Request& r, Millis now);
  Reply security_info(const Request& r, Millis now);

  Reply begin_common(const Request& r, Millis now, bool deflate);
  bool block_ok(const Request& r, Reply& reply, uint32_t* seq) const;

  LoaderContext& ctx_;
  // FLASH_BEGIN / FLASH_DEFL_BEGIN session.
  bool flash_active_ = false;
  bool flash_deflate_ = false;
  uint32_t flash_offset_ = 0;
  uint32_t flash_size_ = 0;  // bytes the session may write (erase size / rounded write size)
  uint32_t flash_blocks_ = 0;
  uint32_t flash_block_size_ = 0;
  uint32_t next_seq_ = 0;
  uint32_t inflated_ = 0;
  Inflater inflater_;
  // SPI_SET_PARAMS total size; flash operations beyond it fail like the ROM's SPI routines.
  // Secure Download Mode starts at 2 MB (esptool troubleshooting.rst, "Secure Download Mode
  // Limitations": the ROM defaults to 2MB, larger regions fail with 0106/0164).
  uint32_t param_flash_size_;
  // MEM_BEGIN session and uploaded code ranges.
  bool mem_active_ = false;
  uint32_t mem_address_ = 0;
  uint32_t mem_size_ = 0;
  uint32_t mem_blocks_ = 0;
  uint32_t mem_block_size_ = 0;
  std::vector<UploadedRange> uploaded_;
};

}  // namespace hwsim
