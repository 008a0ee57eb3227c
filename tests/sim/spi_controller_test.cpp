// SpiController: esptool's run_spiflash_command register dance on the ESP32 (DLEN registers,
// left-aligned address), the S3 layout and the ESP8266 (lengths in USR1).
#include "hw-sim/soc/spi_controller.h"

#include <gtest/gtest.h>

#include "hw-sim/chips/chip_model.h"

namespace {

using hwsim::NorFlash;
using hwsim::SpiController;

constexpr uint32_t kCmdUsr = 1u << 18;
constexpr uint32_t kUsrCommand = 1u << 31, kUsrAddr = 1u << 30, kUsrDummy = 1u << 29;
constexpr uint32_t kUsrMiso = 1u << 28, kUsrMosi = 1u << 27;

struct Rig {
  explicit Rig(const char* chip_key)
      : chip(*hwsim::find_chip(chip_key)), flash(4 * 1024 * 1024), spi(chip.spi, flash) {
    spi.set_attached(true);
  }
  uint32_t reg(uint32_t off) const { return chip.spi.base + off; }
  void write(uint32_t off, uint32_t value) { spi.write(reg(off), value, 0); }
  uint32_t read(uint32_t off) {
    uint32_t v = 0;
    spi.read(reg(off), 0, &v);
    return v;
  }
  // esptool loader.py run_spiflash_command, ESP32-and-later branch.
  uint32_t command(uint8_t opcode, uint32_t read_bits, uint32_t addr = 0, uint32_t addr_len = 0,
                   uint32_t dummy = 0) {
    const auto& l = chip.spi;
    if (read_bits > 0) write(l.miso_dlen, read_bits - 1);
    uint32_t flags = 0;
    if (dummy > 0) flags |= dummy - 1;
    if (addr_len > 0) flags |= (addr_len - 1) << 26;
    if (flags) write(l.usr1, flags);
    write(l.usr, kUsrCommand | (read_bits ? kUsrMiso : 0) | (addr_len ? kUsrAddr : 0) |
                     (dummy ? kUsrDummy : 0));
    write(l.usr2, (7u << 28) | opcode);
    if (addr_len > 0) write(4, l.address_left_aligned ? addr << (32 - addr_len) : addr);
    write(l.w0, 0);
    write(0, kCmdUsr);
    EXPECT_EQ(read(0) & kCmdUsr, 0u) << "the USR bit clears when done";
    return read(l.w0);
  }
  const hwsim::ChipModel& chip;
  NorFlash flash;
  SpiController spi;
};

TEST(SpiController, Esp32ReadsJedecIdIntoW0) {
  Rig rig("esp32");
  EXPECT_EQ(rig.command(0x9F, 24), 0x1640EFu);
}

TEST(SpiController, Esp32s3LayoutReadsStatusAndSfdp) {
  Rig rig("esp32s3");
  EXPECT_EQ(rig.command(0x9F, 24), 0x1640EFu);
  EXPECT_EQ(rig.command(0x05, 8), 0u);
  EXPECT_EQ(rig.command(0x5A, 8, 0x10, 24, 8), 0xEFu);  // esptool's XMC check
}

TEST(SpiController, Esp32LeftAlignedAddressReachesTheFlash) {
  Rig rig("esp32");
  EXPECT_EQ(rig.command(0x5A, 32, 0x00, 24, 8), 0x50444653u);  // "SFDP" little-endian
}

TEST(SpiController, MosiDataComesFromWRegisters) {
  Rig rig("esp32");
  const auto& l = rig.chip.spi;
  rig.command(0x06, 0);  // WREN
  rig.write(l.mosi_dlen, 16 - 1);
  rig.write(l.usr, kUsrCommand | kUsrMosi);
  rig.write(l.usr2, (7u << 28) | 0x01);  // WRSR, 2 bytes
  rig.write(l.w0, 0x0200);               // SR2 = QE
  rig.write(0, kCmdUsr);
  EXPECT_EQ(rig.flash.status(), 0x200u);
}

TEST(SpiController, Esp8266TakesBitLengthsFromUsr1) {
  Rig rig("esp8266");
  const auto& l = rig.chip.spi;
  rig.write(l.usr1, (24u - 1) << 8);  // MISO bit length at bit 8
  rig.write(l.usr, kUsrCommand | kUsrMiso);
  rig.write(l.usr2, (7u << 28) | 0x9F);
  rig.write(l.w0, 0);
  rig.write(0, kCmdUsr);
  EXPECT_EQ(rig.read(l.w0), 0x1640EFu);
}

TEST(SpiController, UnattachedFlashReadsAllOnes) {
  Rig rig("esp32");
  rig.spi.set_attached(false);
  EXPECT_EQ(rig.command(0x9F, 24), 0xFFFFFFu);
}

}  // namespace
