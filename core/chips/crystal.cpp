#include "core/chips/crystal.h"

#include <cmath>

#include "core/base/bytes.h"

namespace esptool::chips {

namespace {

constexpr uint32_t kUartClkdivMask = 0xFFFFF;  // loader.py UART_CLKDIV_MASK

// Python's float floor division (floatobject.c _float_div_mod), so esp32.py's
// `int(baud * rom_calculated_freq // valid_freq)` gives the same integer here.
double python_floordiv(double vx, double wx) {
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0 && ((wx < 0) != (mod < 0))) div -= 1.0;
  if (div == 0.0) return std::copysign(0.0, vx / wx);
  double floordiv = std::floor(div);
  if (div - floordiv > 0.5) floordiv += 1.0;
  return floordiv;
}

// esp32.py change_baud: compensates the ROM's drifting 8 MHz clock calibration.
uint32_t esp32_rom_baud(uint32_t baud, const uint32_t* regs, const RegisterValues& v) {
  const uint64_t cali = (v.at(regs[0]) >> 7) & 0x1FFFFFF;  // TIMERS_RTC_CALI_VALUE
  const uint64_t ck8m = v.at(regs[1]) & 0xFF;              // EFUSE_RD_CK8M_FREQ
  const double rom_freq = double(cali * 15625 * ck8m) / 40;
  const double valid_freq = rom_freq > 33000000 ? 40000000 : 26000000;
  return uint32_t(python_floordiv(double(baud) * rom_freq, valid_freq));
}

}  // namespace

std::vector<uint32_t> crystal_registers(const ChipInfo& chip) {
  if (chip.crystal.fixed_mhz != 0) return {};
  return {chip.crystal.uart_clkdiv_reg};
}

Crystal crystal_mhz(const ChipInfo& chip, uint32_t uart_clkdiv, uint32_t baud) {
  if (chip.crystal.fixed_mhz != 0) return {chip.crystal.fixed_mhz, {}};
  const double est = double(baud) * double(uart_clkdiv & kUartClkdivMask) / 1e6 /
                     double(chip.crystal.xtal_clk_divider);
  Crystal out;
  out.mhz = est > 45 ? 48 : est > 33 ? 40 : 26;
  if (std::fabs(double(out.mhz) - est) > 1) {
    out.warning = strprintf(
        "WARNING: Detected crystal freq %sMHz is quite different to normalized freq "
        "%uMHz. Unsupported crystal in use?",
        fixed_point(est, 2).c_str(), unsigned(out.mhz));
  }
  return out;
}

std::vector<uint32_t> rom_baud_registers(const ChipInfo& chip) { return chip.rom_baud.registers; }

RomBaudChange rom_change_baud(const ChipInfo& chip, uint32_t baud, uint32_t crystal,
                              const RegisterValues& values) {
  RomBaudChange out{baud, baud, {}};
  const uint32_t* regs = chip.rom_baud.registers.begin();  // as many as the quirk reads
  switch (chip.rom_baud.quirk) {
    case RomBaudQuirk::kNone:
      break;
    case RomBaudQuirk::kEsp32RtcCalibration:
      out.sent_baud = esp32_rom_baud(baud, regs, values);
      break;
    case RomBaudQuirk::kCrystal26As40:  // esp32c2.py: the ROM assumes a 40 MHz crystal
      if (crystal == 26) out.sent_baud = uint32_t(uint64_t(baud) * 40 / 26);
      break;
    case RomBaudQuirk::kCrystal48As40:  // esp32c5beta3.py
      if (crystal == 48) out.sent_baud = uint32_t(uint64_t(baud) * 40 / 48);
      break;
    case RomBaudQuirk::kRomExpectedCrystal: {  // esp32c5.py: PCR_SYSCLK_XTAL_FREQ field
      const uint32_t expected = (values.at(regs[0]) >> 24) & 0x7F;
      out.note = "ROM expects crystal freq: " + std::to_string(expected) + " MHz, detected " +
                 std::to_string(crystal) + " MHz";
      if (crystal == 48 && expected == 40) out.sent_baud = uint32_t(uint64_t(baud) * 40 / 48);
      if (crystal == 40 && expected == 48) out.sent_baud = uint32_t(uint64_t(baud) * 48 / 40);
      out.printed_baud = out.sent_baud;
      break;
    }
  }
  return out;
}

}  // namespace esptool::chips
