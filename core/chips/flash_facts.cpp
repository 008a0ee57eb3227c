#include "core/chips/flash_facts.h"

#include <algorithm>

namespace esptool::chips {

namespace {

// esp32.py _get_rtc_cntl_flash_voltage: RTC_CNTL_SDIO_CONF bits.
constexpr uint32_t kSdioForce = 1u << 22, kDrefhSdio = 3u << 29, kXpdSdio = 1u << 31;

const char* rtc_voltage(uint32_t reg) {
  if (!(reg & kSdioForce)) return nullptr;
  if (reg & kDrefhSdio) return "1.9V";
  return (reg & kXpdSdio) ? "1.8V" : "OFF";
}

bool pin_allowed(const SpiPinRule& rule, uint32_t pin) {
  return std::any_of(rule.ranges.begin(), rule.ranges.end(),
                     [pin](const PinRange& r) { return pin >= r.first && pin <= r.last; });
}

}  // namespace

std::vector<uint32_t> flash_id_extra_registers(const ChipInfo& chip) {
  std::vector<uint32_t> list;
  if (chip.flash_type) add_register(list, chip.flash_type->address);
  if (const auto& v = chip.flash_voltage) {
    if (v->rtc_sdio_conf != 0) add_register(list, v->rtc_sdio_conf);
    add_register(list, v->efuse_reg);
    add_register(list, v->strap_reg);
  }
  return list;
}

std::optional<std::string> flash_type_line(const ChipInfo& chip, const RegisterValues& values) {
  if (!chip.flash_type) return std::nullopt;
  return std::string("Flash type set in eFuse: ") +
         (chip.flash_type->read(values) ? "octal (8 data lines)" : "quad (4 data lines)");
}

std::optional<std::string> flash_voltage_line(const ChipInfo& chip, const RegisterValues& values) {
  if (!chip.flash_voltage) return std::nullopt;
  const FlashVoltageRule& r = *chip.flash_voltage;
  const char* voltage = r.rtc_sdio_conf ? rtc_voltage(values.at(r.rtc_sdio_conf)) : nullptr;
  const char* source = "RTC_CNTL";
  // esp32.py _get_efuse_flash_voltage tests FORCE|XPD|TIEH first, so any set bit reads 3.3V.
  if (!voltage && (values.at(r.efuse_reg) & r.efuse_mask)) {
    voltage = "3.3V";
    source = "eFuse";
  }
  if (!voltage) {
    voltage = (values.at(r.strap_reg) & r.strap_mask) ? "1.8V" : "3.3V";
    source = "a strapping pin";
  }
  return std::string("Flash voltage set by ") + source + " to " + voltage;
}

std::string spi_pins_text(const SpiPins& p) {
  return "CLK:" + std::to_string(p[0]) + ", Q:" + std::to_string(p[1]) +
         ", D:" + std::to_string(p[2]) + ", HD:" + std::to_string(p[3]) +
         ", CS:" + std::to_string(p[4]);
}

uint32_t spi_attach_value(const SpiPins& p) {
  return (p[3] << 24) | (p[4] << 18) | (p[2] << 12) | (p[1] << 6) | p[0];
}

Result<std::string> check_spi_pins(const ChipInfo& chip, const SpiPins& pins) {
  const SpiPinRule& rule = chip.spi_pins;
  if (!rule.supported)
    return make_error(
        Errc::kBadArgument,
        std::string("Setting --spi-connection is not supported by ") + chip.name + ".");
  for (uint32_t pin : pins)
    if (!pin_allowed(rule, pin)) return make_error(Errc::kBadArgument, rule.range_error);
  if (pins[3] > rule.hd_max)
    return make_error(Errc::kBadArgument,
                      "SPI HD Pin number must be <= " + std::to_string(rule.hd_max) + ".");
  const bool uses_usb_pin = std::any_of(pins.begin(), pins.end(), [&](uint32_t pin) {
    return std::find(rule.usb_pins.begin(), rule.usb_pins.end(), pin) != rule.usb_pins.end();
  });
  if (!uses_usb_pin) return std::string();
  return "WARNING: GPIO pins " + std::to_string(rule.usb_pins.begin()[0]) + " and " +
         std::to_string(rule.usb_pins.begin()[1]) + " are used by " + rule.usb_users +
         ", consider using other pins for SPI flash connection.";
}

std::vector<uint32_t> efuse_spi_pad_registers(const ChipInfo& chip) {
  if (!chip.efuse_spi_pads) return {};
  return {chip.efuse_spi_pads->first, chip.efuse_spi_pads->second};
}

SpiPins efuse_spi_pads(const ChipInfo& chip, const RegisterValues& values) {
  if (!chip.efuse_spi_pads) return {};
  const uint32_t rdata5 = values.at(chip.efuse_spi_pads->first);
  const uint32_t rdata3 = values.at(chip.efuse_spi_pads->second);
  return {rdata5 & 0x1F, (rdata5 >> 5) & 0x1F, (rdata5 >> 10) & 0x1F, (rdata3 >> 4) & 0x1F,
          (rdata5 >> 15) & 0x1F};
}

uint32_t flash_begin_erase_size(const ChipInfo& chip, bool is_stub, uint32_t offset,
                                uint32_t size) {
  if (is_stub || !chip.rom_erase_size_workaround) return size;
  // esp8266.py get_erase_size: the ROM erases more than asked; ask for less so the total fits.
  constexpr uint32_t kSectorsPerBlock = 16, kSector = 0x1000;
  const uint32_t sectors = (size + kSector - 1) / kSector;
  uint32_t head = kSectorsPerBlock - (offset / kSector) % kSectorsPerBlock;
  if (sectors < head) head = sectors;
  if (sectors < 2 * head) return (sectors + 1) / 2 * kSector;
  return (sectors - head) * kSector;
}

}  // namespace esptool::chips
