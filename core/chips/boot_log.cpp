// Boot-log reading for connect diagnosis (reset-and-boot.md §3 step 4, §6). The strap bits and
// pin names are BootStrapRule rows; this file holds no per-chip facts.
#include "core/chips/boot_log.h"

#include <cctype>

#include "core/base/bytes.h"

namespace esptool::chips {
namespace {

// Text is unreadable when more than this share of it is not text: a wrong rate turns nearly
// every byte into noise, while a boot log with a stray glitch stays far below it.
constexpr double kUnreadableShare = 0.25;

bool is_text_byte(unsigned char c) {
  return c == '\r' || c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7F);
}

}  // namespace

double unreadable_share(std::string_view text) {
  if (text.empty()) return 0.0;
  size_t bad = 0;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_text_byte(c)) {
      ++i;
      continue;
    }
    // A well-formed UTF-8 sequence is text too (app logs print it); anything else is noise.
    const size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = len > 0 && i + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok) {
      i += len;
    } else {
      ++bad;
      ++i;
    }
  }
  return double(bad) / double(text.size());
}

const ChipInfo* chip_from_banner(std::string_view text) {
  for (const ChipInfo* chip : all_chips()) {
    if (chip->is_beta) continue;
    for (const char* banner : chip->boot_straps.banners) {
      if (banner != nullptr && text.find(banner) != std::string_view::npos) return chip;
    }
  }
  return nullptr;
}

BootLog read_boot_log(std::string_view text, const ChipInfo* known) {
  BootLog log;
  log.chip = known != nullptr ? known : chip_from_banner(text);
  // The last reset's line: a connect makes several resets, each prints its own.
  const size_t at = text.rfind("boot:0x");
  if (at == std::string_view::npos) return log;
  size_t end = at + 7;
  while (end < text.size() && std::isxdigit(static_cast<unsigned char>(text[end]))) ++end;
  if (end == at + 7) return log;
  log.strap_text = std::string(text.substr(at + 5, end - at - 5));
  // GPIO_STRAP is a 32-bit register: more digits than that are noise, not a strap value.
  if (end - at - 7 > 8) return log;
  uint32_t value = 0;
  for (size_t i = at + 7; i < end; ++i) {
    const char c = char(std::tolower(static_cast<unsigned char>(text[i])));
    value = value * 16 + uint32_t(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  log.strap = value;
  // "boot:0x13 (SPI_FAST_FLASH_BOOT)": the ROM's own name for the mode.
  if (end + 1 < text.size() && text[end] == ' ' && text[end + 1] == '(') {
    size_t depth = 0;
    size_t close = end + 1;
    for (; close < text.size() && text[close] != '\n'; ++close) {
      if (text[close] == '(') ++depth;
      if (text[close] == ')' && --depth == 0) break;
    }
    if (close < text.size() && text[close] == ')') log.mode_name = std::string(text.substr(end + 2, close - end - 2));
  }
  log.waiting_for_download = text.find("waiting for download", end) != std::string_view::npos;
  if (log.chip != nullptr && log.chip->boot_straps.mask != 0) {
    const BootStrapRule& rule = log.chip->boot_straps;
    log.download = (*log.strap & rule.mask) == rule.download;
  }
  return log;
}

std::string connect_failure_hint(std::string_view text, const ChipInfo* known, uint32_t baud) {
  if (text.empty()) {
    return "Nothing came from the port: check that it is the right port, that the USB cable "
           "carries data (not a charge-only cable) and that the board is powered.";
  }
  const BootLog log = read_boot_log(text, known);
  if (log.strap && !log.waiting_for_download) {
    const ChipInfo* chip = log.chip;
    const BootStrapRule* rule = chip != nullptr && chip->boot_straps.mask != 0 ? &chip->boot_straps : nullptr;
    const std::string mode = log.mode_name.empty() ? "" : ", " + log.mode_name;
    if (rule != nullptr && log.download == false) {
      // The same reset runs again on the next try: the button has to be held through it, or
      // the chip put in download mode by hand and connected to without a reset.
      return strprintf("The %s booted from flash (boot:%s%s), so the reset did not put it in "
                       "download mode: keep the BOOT button (%s) held down while connecting, or "
                       "hold BOOT, press and release RESET (EN), release BOOT and connect with "
                       "\"No reset\" (%s is needed too).",
                       chip->name, log.strap_text.c_str(), mode.c_str(), rule->boot_pin,
                       rule->other_pin);
    }
    return strprintf("The chip reset (boot:%s%s) but did not enter download mode: keep the BOOT "
                     "button held down while connecting, or hold BOOT, press and release RESET "
                     "(EN), release BOOT and connect with \"No reset\".",
                     log.strap_text.c_str(), mode.c_str());
  }
  if (log.waiting_for_download) {
    return "The chip is waiting in download mode but its replies do not arrive: check the TX "
           "wire from the chip (or the USB-UART bridge) and try another cable.";
  }
  if (unreadable_share(text) > kUnreadableShare) {
    // Connecting always listens at the ROM's rate, so the page's baud setting is no remedy.
    return strprintf("The port sent unreadable bytes at %u baud: a wrong baud rate or a noisy "
                     "line; try another cable or USB port.", baud);
  }
  return "The chip printed text but no boot log after the reset, so the reset did not reach it: "
         "hold BOOT, press and release RESET (EN), release BOOT and connect with \"No reset\".";
}

}  // namespace esptool::chips
