// Code tables shared by several chips (chips.md §7). Each chip row points at one of these.
#pragma once

#include <vector>

#include "core/chips/chip.h"

namespace esptool::chips::tables {

// esptool/targets/esp8266.py FLASH_SIZES.
inline constexpr RowList<CodeName> kEsp8266FlashSizes = {
    {"512KB", 0x00}, {"256KB", 0x10}, {"1MB", 0x20},    {"2MB", 0x30},  {"4MB", 0x40},
    {"2MB-c1", 0x50}, {"4MB-c1", 0x60}, {"8MB", 0x80}, {"16MB", 0x90}};
// esptool/targets/esp32.py FLASH_SIZES, shared by every ESP32-family chip.
inline constexpr RowList<CodeName> kEsp32FlashSizes = {
    {"1MB", 0x00},  {"2MB", 0x10},  {"4MB", 0x20},  {"8MB", 0x30},
    {"16MB", 0x40}, {"32MB", 0x50}, {"64MB", 0x60}, {"128MB", 0x70}};

// FLASH_FREQUENCY dictionaries, in their dictionary order.
inline constexpr RowList<CodeName> kFreq80m40m26m20m = {
    {"80m", 0xF}, {"40m", 0x0}, {"26m", 0x1}, {"20m", 0x2}};
inline constexpr RowList<CodeName> kFreqEsp32C2 = {
    {"60m", 0xF}, {"30m", 0x0}, {"20m", 0x1}, {"15m", 0x2}};
// ESP32-C6: 80m encodes as 0 (ROM MSPI divider workaround, targets/esp32c6.py).
inline constexpr RowList<CodeName> kFreqEsp32C6 = {{"80m", 0x0}, {"40m", 0x0}, {"20m", 0x2}};
inline constexpr RowList<CodeName> kFreq80m40m20m = {{"80m", 0xF}, {"40m", 0x0}, {"20m", 0x2}};
inline constexpr RowList<CodeName> kFreqEsp32H2 = {
    {"48m", 0xF}, {"24m", 0x0}, {"16m", 0x1}, {"12m", 0x2}};

inline constexpr RowList<uint32_t> kMmuPagesC2 = {16384, 32768, 65536};
inline constexpr RowList<uint32_t> kMmuPagesC6 = {8192, 16384, 32768, 65536};

}  // namespace esptool::chips::tables
