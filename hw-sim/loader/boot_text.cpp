// Boot log: fills the chip's text templates and walks the 2nd-stage image header.
#include "hw-sim/loader/boot_text.h"

#include <cstdio>

#include "hw-sim/base/bytes.h"

namespace hwsim {
namespace {

constexpr uint8_t kImageMagic = 0xE9;  // image-format.md: first byte of every ESP image
constexpr uint32_t kMaxSegments = 16;

std::string hex8(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%08x", v);
  return buf;
}

std::string fill(std::string_view templ,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out(templ);
  for (const auto& [token, value] : values) {
    for (size_t pos = out.find(token); pos != std::string::npos;
         pos = out.find(token, pos + value.size())) {
      out.replace(pos, token.size(), value);
    }
  }
  return out;
}

std::string_view reason_text(const ChipModel& chip, ResetReason reason) {
  switch (reason) {
    case ResetReason::kSoftware:
      return chip.boot.reason_software;
    case ResetReason::kUsb:
      return chip.boot.reason_usb.empty() ? chip.boot.reason_power_on : chip.boot.reason_usb;
    case ResetReason::kPowerOn:
      break;
  }
  return chip.boot.reason_power_on;
}

// Image header byte 2 (flash mode) and the low nibble of byte 3 (frequency code), as the ROM
// reports them ("mode:DIO, clock div:2").
std::string mode_name(uint8_t code) {
  static const char* const kModes[] = {"QIO", "QOUT", "DIO", "DOUT"};
  return code < 4 ? kModes[code] : "DIO";
}

std::string clock_div(uint8_t freq_code) {
  switch (freq_code & 0xF) {
    case 0xF:
      return "1";
    case 0x0:
      return "2";
    case 0x1:
      return "3";
    default:
      return "4";
  }
}

}  // namespace

std::string reset_banner(const ChipModel& chip, ResetReason reason, bool download) {
  std::string text =
      fill(chip.boot.reset_line,
           {{"{reason}", std::string(reason_text(chip, reason))},
            {"{boot}", std::string(download ? chip.boot.boot_download : chip.boot.boot_spi)}});
  if (download) text += chip.boot.waiting;
  return text;
}

std::string spi_boot_log(const ChipModel& chip, const NorFlash& flash, bool* has_app) {
  if (has_app != nullptr) *has_app = false;
  const uint32_t base = chip.bootloader_offset;
  const Bytes header = flash.read(base, 24);
  if (header[0] != kImageMagic || header[1] == 0 || header[1] > kMaxSegments) {
    return fill(chip.boot.no_image, {{"{word}", hex8(le32(header, 0))}});
  }
  std::string text = fill(chip.boot.spi_preamble,
                          {{"{mode}", mode_name(header[2])}, {"{div}", clock_div(header[3])}});
  uint32_t pos = base + (chip.image_has_extended_header ? 24 : 8);
  for (uint32_t i = 0; i < header[1]; ++i) {
    const Bytes seg = flash.read(pos, 8);
    const uint32_t addr = le32(seg, 0);
    const uint32_t len = le32(seg, 4);
    if (len > flash.size()) return fill(chip.boot.no_image, {{"{word}", hex8(le32(header, 0))}});
    char lenx[16];
    std::snprintf(lenx, sizeof(lenx), "%x", len);
    text += fill(chip.boot.load_format,
                 {{"{addr}", hex8(addr)}, {"{lenx}", lenx}, {"{len}", std::to_string(len)}});
    pos += 8 + len;
  }
  text += fill(chip.boot.entry_format, {{"{addr}", hex8(le32(header, 4))}});
  if (has_app != nullptr) *has_app = true;
  return text;
}

}  // namespace hwsim
