// SpiController: the SPI flash controller's "user command" registers, which esptool drives
// through WRITE_REG/READ_REG in run_spiflash_command (serial-protocol.md §11, chips.md §3):
// CMD, ADDR, USR, USR1, USR2, W0..W15 and (ESP32 and later) MOSI_DLEN/MISO_DLEN. Writing
// CMD.USR (bit 18) clocks one transaction into the NorFlash and clears the bit at once. While the
// flash is not attached (ROM before SPI_ATTACH) the bus floats: MISO reads all ones.
#pragma once

#include <array>
#include <cstdint>

#include "hw-sim/chips/chip_model.h"
#include "hw-sim/flash/nor_flash.h"
#include "hw-sim/soc/peripheral.h"

namespace hwsim {

class SpiController : public Peripheral {
 public:
  SpiController(const SpiControllerLayout& layout, NorFlash& flash);

  bool read(uint32_t address, Millis now, uint32_t* value) override;
  bool write(uint32_t address, uint32_t value, Millis now) override;

  void set_attached(bool attached) { attached_ = attached; }
  bool is_attached() const { return attached_; }
  void reset();

 private:
  void execute(Millis now);
  uint32_t* reg(uint32_t address);

  const SpiControllerLayout& layout_;
  NorFlash& flash_;
  bool attached_ = false;
  uint32_t cmd_ = 0, addr_ = 0, usr_ = 0, usr1_ = 0, usr2_ = 0, mosi_dlen_ = 0, miso_dlen_ = 0;
  std::array<uint32_t, 16> w_{};
};

}  // namespace hwsim
