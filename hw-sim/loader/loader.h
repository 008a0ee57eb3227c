// The firmware the simulated CPU runs while it talks to the host: the ROM loader or the flasher
// stub. A Loader receives whole SLIP frames at the time the CPU gets to them and answers through
// its LoaderContext; it returns the time until which the CPU is busy (the next frame is handled
// no earlier). A loader never switches itself out: it asks the context (start_stub, reboot...),
// and the Device performs the switch after the handler returns.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "hw-sim/base/time.h"
#include "hw-sim/chips/chip_model.h"

namespace hwsim {

class NorFlash;
class AddressSpace;
class SpiController;

// CPU time for the loader to parse a command and build a reply (ROM and stub alike); an
// assumption that keeps simulated command rates realistic, not a measured figure.
inline constexpr Millis kCommandOverhead = 0.02;

class LoaderContext {
 public:
  virtual ~LoaderContext() = default;
  virtual const ChipModel& chip() const = 0;
  virtual NorFlash& flash() = 0;
  virtual AddressSpace& bus() = 0;
  virtual SpiController& spi() = 0;

  // Queues a SLIP frame with `payload` for the UART, to start no earlier than `at`.
  virtual void send_frame(std::span<const uint8_t> payload, Millis at) = 0;
  // Current UART rate (actual, as the divider gives it).
  virtual uint32_t uart_baud() const = 0;
  // Changes the UART rate at `at`, once everything queued before has left the wire.
  virtual void set_uart_baud(uint32_t baud, Millis at) = 0;
  // The ROM stops following the host's rate once it has understood a command.
  virtual void lock_autobaud() = 0;
  // Largest MEM_DATA / FLASH_DATA / FLASH_DEFL_DATA payload the console's receive path takes
  // (kUsbOtgMaxBlock on USB-OTG); 0 = no limit below the loader's own buffer.
  virtual uint32_t max_data_block() const = 0;
  // The Secure Boot eFuse is burned (GET_SECURITY_INFO reports it).
  virtual bool secure_boot() const = 0;
  // The Secure Download Mode eFuse is burned: the ROM serves only a few commands (RomLoader).
  virtual bool secure_download_mode() const = 0;

  // Control transfers, performed by the Device after the handler returns.
  virtual void start_stub(Millis at) = 0;        // uploaded code recognised as a flasher stub
  virtual void software_reset(Millis at) = 0;    // reboot keeping the latched straps
  virtual void run_user_code(Millis at) = 0;     // leave the loader, boot the app from flash
  virtual void run_unknown_code(Millis at) = 0;  // jumped into code we cannot simulate: silence
};

class Loader {
 public:
  virtual ~Loader() = default;
  // Handles one frame at `now`; returns when the CPU is free again (>= now).
  virtual Millis handle(std::span<const uint8_t> frame, Millis now) = 0;
  // Largest frame the receive buffer holds (longer frames are cut).
  virtual size_t max_frame() const = 0;
  virtual bool is_stub() const = 0;
};

}  // namespace hwsim
