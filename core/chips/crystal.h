// Crystal frequency (loader.py get_crystal_freq) and the rate a ROM's CHANGE_BAUDRATE must be
// given on chips whose ROM assumes the wrong clock (serial-protocol.md §16).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/chips/chip.h"
#include "core/chips/registers.h"

namespace esptool::chips {

struct Crystal {
  uint32_t mhz = 0;
  std::string warning;  // esptool's "WARNING: Detected crystal freq ..." line, or empty
};

// {UART_CLKDIV_REG} when the crystal is detected, empty when it is fixed.
std::vector<uint32_t> crystal_registers(const ChipInfo& chip);
// Fixed chips return their constant. Others estimate baud * (UART_CLKDIV & 0xFFFFF) / 1e6 /
// XTAL_CLK_DIVIDER and normalise: > 45 -> 48, > 33 -> 40, else 26 (warning if > 1 MHz off).
// `baud` is the current line rate (the ROM auto-bauds to it, so the divider encodes the clock).
Crystal crystal_mhz(const ChipInfo& chip, uint32_t uart_clkdiv, uint32_t baud);

struct RomBaudChange {
  uint32_t sent_baud = 0;     // first word of CHANGE_BAUDRATE (second word is 0 for a ROM)
  uint32_t printed_baud = 0;  // "Changing baud rate to N" (ESP32-C5 prints the sent rate, sic)
  std::string note;           // ESP32-C5: "ROM expects crystal freq: X MHz, detected Y MHz"
};

// Extra registers rom_change_baud reads (ESP32: RTCCALICFG1 and eFuse word 4; ESP32-C5:
// PCR_SYSCLK_CONF). Chips whose quirk depends on the crystal also need crystal_registers().
std::vector<uint32_t> rom_baud_registers(const ChipInfo& chip);
// What esptool sends to the ROM loader for `baud`; `crystal` is crystal_mhz(...).mhz. Only for
// ROM loaders: stubs always get the true rate and the current one.
RomBaudChange rom_change_baud(const ChipInfo& chip, uint32_t baud, uint32_t crystal,
                              const RegisterValues& values);

}  // namespace esptool::chips
