// Flash-related chip facts: the flash_id command's eFuse lines (flash type, flash voltage),
// --spi-connection validation, ESP32's eFuse SPI pads for --no-stub, and the ESP8266 ROM's
// erase-size workaround (targets/*.py @v4.8.1, serial-protocol.md §7.2, §8).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/chips/chip.h"
#include "core/chips/registers.h"

namespace esptool::chips {

// Registers for flash_type_line and flash_voltage_line (empty where esptool prints neither).
std::vector<uint32_t> flash_id_extra_registers(const ChipInfo& chip);
// "Flash type set in eFuse: quad (4 data lines)" / "... octal (8 data lines)" (S2, S3 only).
std::optional<std::string> flash_type_line(const ChipInfo& chip, const RegisterValues& values);
// "Flash voltage set by <RTC_CNTL|eFuse|a strapping pin> to <V>" (ESP32, S2, S3 only).
std::optional<std::string> flash_voltage_line(const ChipInfo& chip, const RegisterValues& values);

// --spi-connection pins in esptool's order: CLK, Q, D, HD, CS.
using SpiPins = std::array<uint32_t, 5>;
// "CLK:6, Q:17, D:8, HD:11, CS:16".
std::string spi_pins_text(const SpiPins& pins);
// SPI_ATTACH argument: clk | q << 6 | d << 12 | cs << 18 | hd << 24.
uint32_t spi_attach_value(const SpiPins& pins);
// check_spi_connection: the warning to print (empty if none), or the error (kBadArgument).
Result<std::string> check_spi_pins(const ChipInfo& chip, const SpiPins& pins);

// ESP32 only (chip.efuse_spi_pads): BLK0_RDATA5 and BLK0_RDATA3.
std::vector<uint32_t> efuse_spi_pad_registers(const ChipInfo& chip);
// get_chip_spi_pads as SpiPins; all zero means "use the default SPI flash".
SpiPins efuse_spi_pads(const ChipInfo& chip, const RegisterValues& values);

// erase_size for FLASH_BEGIN: `size`, except the ESP8266 ROM's bug workaround (get_erase_size).
uint32_t flash_begin_erase_size(const ChipInfo& chip, bool is_stub, uint32_t offset, uint32_t size);

}  // namespace esptool::chips
