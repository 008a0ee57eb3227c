// StubLoader: the legacy flasher stub (esptool-legacy-flasher-stub v1.3, the binaries esptool
// v4.8.1 ships; source flasher_stub/stub_flasher.c, stub_commands.c of esptool v4.7.0), as seen
// from the host:
// - status bytes [error, status]; SYNC answers 8 times with value 0; unknown opcode -> 0xFF;
// - the reply header goes out before the work, so "length check || handler" failures collapse
//   to error 0x01 and MD5/security-info payloads sit between header and status;
// - FLASH_DATA/FLASH_DEFL_DATA are ACKed first and written while the next block arrives
//   (StubFlashWriter), write errors reported one command late;
// - ERASE_FLASH, ERASE_REGION, SPI_FLASH_MD5 (16 raw bytes), GET_SECURITY_INFO (S2 and later);
// - READ_FLASH streams packets, waits for each 4-byte ACK (the stub compares bytes with a packet
//   count, so one packet is in flight), then sends the MD5 of what it sent;
// - CHANGE_BAUDRATE rescales the UART divider by old/new 10 ms after its reply;
// - FLASH_END(0) reboots 10 ms after its reply; RUN_USER_CODE leaves without a reply;
// - on the USB-OTG console (S2/S3) data blocks above 0x800 bytes get "bad data length" (0xC0).
#pragma once

#include <vector>

#include "hw-sim/loader/loader.h"
#include "hw-sim/loader/packet.h"
#include "hw-sim/loader/rom_loader.h"
#include "hw-sim/loader/stub_flash_writer.h"
#include "hw-sim/util/md5.h"

namespace hwsim {

class StubLoader : public Loader {
 public:
  explicit StubLoader(LoaderContext& ctx);

  Millis handle(std::span<const uint8_t> frame, Millis now) override;
  // Two receive buffers of MAX_WRITE_BLOCK + 64 bytes; a longer frame is cut there.
  size_t max_frame() const override { return 0x4000 + 64; }
  bool is_stub() const override { return true; }

  static constexpr uint32_t kMaxWriteBlock = 0x4000;

 private:
  struct Reply {
    uint8_t error = 0;
    uint8_t status = 0;
    uint32_t value = 0;
    Bytes payload;
  };

  Millis command(const Request& r, Millis now);
  Reply first_stage(const Request& r, Millis* t);
  Millis after_reply(const Request& r, Millis t);
  void send(uint8_t op, const Reply& reply, Millis at);

  uint8_t mem_begin(const Request& r);
  uint8_t mem_data(const Request& r);
  uint8_t mem_end(const Request& r);
  uint8_t begin(const Request& r, bool deflate);
  uint8_t data_check(const Request& r) const;
  uint8_t erase_region(const Request& r, Millis* t);
  uint8_t md5_region(const Request& r, Bytes* payload, Millis* t);

  void start_read(const Request& r, Millis t);
  Millis read_ack(std::span<const uint8_t> frame, Millis now);
  Millis send_read_window(Millis t);
  void finish_read(Millis t);

  LoaderContext& ctx_;
  StubFlashWriter writer_;
  // MEM_* state.
  bool mem_started_ = false;
  uint32_t mem_address_ = 0;
  uint32_t mem_remaining_ = 0;
  std::vector<UploadedRange> uploaded_;
  // READ_FLASH streaming state.
  bool reading_ = false;
  uint32_t read_address_ = 0;
  uint32_t read_length_ = 0;
  uint32_t read_packet_ = 0;
  uint32_t read_max_inflight_ = 0;
  uint32_t read_sent_ = 0;
  uint32_t read_acked_ = 0;
  Md5 read_md5_;
};

}  // namespace hwsim
