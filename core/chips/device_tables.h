// Device-side rows shared by several chips (chips.md §2-§4, §8); values resolved through the
// esptool v4.8.1 class inheritance (targets/<chip>.py). Each chip row points at one of these.
#pragma once

#include <vector>

#include "core/chips/chip_types.h"

namespace esptool::chips::tables {

// serial-protocol.md §4: the ESP8266 ROM has none of the optional commands.
inline constexpr RomCommands kNoOptionalRomCommands{false, false, false, false, false, false};

// chips.md §3 SPI controller blocks (SPI_REG_BASE and *_OFFS).
inline constexpr SpiFlashRegs kSpiEsp8266{0x60000200, 0x1C, 0x20, 0x24, 0x40, 0, 0, true};
inline constexpr SpiFlashRegs kSpiEsp32{0x3FF42000, 0x1C, 0x20, 0x24, 0x80, 0x28, 0x2C, true};
inline constexpr SpiFlashRegs kSpiEsp32S2{0x3F402000, 0x18, 0x1C, 0x20, 0x58, 0x24, 0x28, false};
// ESP32-S3, S3beta2, C3, C2, C6beta, H2beta1/2.
inline constexpr SpiFlashRegs kSpi60002000{0x60002000, 0x18, 0x1C, 0x20, 0x58, 0x24, 0x28, false};
// ESP32-C6, C61, C5, C5beta3, H2 (esptool-js before 2026 used 0x60002000 here: flash id 0).
inline constexpr SpiFlashRegs kSpi60003000{0x60003000, 0x18, 0x1C, 0x20, 0x58, 0x24, 0x28, false};
inline constexpr SpiFlashRegs kSpiEsp32P4{0x5008D000, 0x18, 0x1C, 0x20, 0x58, 0x24, 0x28, false};

// chips.md §8: RTC_CNTL_WDTCONFIG0/WPROTECT, WDT key, SWD CONF/WPROTECT, auto-feed bit, SWD key.
inline constexpr WatchdogRegs kWatchdogS3{0x60008098, 0x600080B0, 0x50D83AA1, 0x600080B4,
                                          0x600080B8, 1u << 31,   0x8F1D312A};
inline constexpr WatchdogRegs kWatchdogC3{0x60008090, 0x600080A8, 0x50D83AA1, 0x600080AC,
                                          0x600080B0, 1u << 31,   0x8F1D312A};
inline constexpr WatchdogRegs kWatchdogC6{0x600B1C00, 0x600B1C18, 0x50D83AA1, 0x600B1C1C,
                                          0x600B1C20, 1u << 18,   0x50D83AA1};
inline constexpr WatchdogRegs kWatchdogH2{0x600B1C00, 0x600B1C1C, 0x50D83AA1, 0x600B1C20,
                                          0x600B1C24, 1u << 18,   0x50D83AA1};

// KEY_PURPOSES dictionaries (get_security_info prints "BLOCK_KEYn - <name>").
inline constexpr RowList<CodeName> kKeyPurposesS2 = {{"USER/EMPTY", 0},
                                                     {"RESERVED", 1},
                                                     {"XTS_AES_256_KEY_1", 2},
                                                     {"XTS_AES_256_KEY_2", 3},
                                                     {"XTS_AES_128_KEY", 4},
                                                     {"HMAC_DOWN_ALL", 5},
                                                     {"HMAC_DOWN_JTAG", 6},
                                                     {"HMAC_DOWN_DIGITAL_SIGNATURE", 7},
                                                     {"HMAC_UP", 8},
                                                     {"SECURE_BOOT_DIGEST0", 9},
                                                     {"SECURE_BOOT_DIGEST1", 10},
                                                     {"SECURE_BOOT_DIGEST2", 11}};
// ESP32-C3, C6beta, C6 (no AES-256 purposes).
inline constexpr RowList<CodeName> kKeyPurposesC3 = {{"USER/EMPTY", 0},
                                                     {"RESERVED", 1},
                                                     {"XTS_AES_128_KEY", 4},
                                                     {"HMAC_DOWN_ALL", 5},
                                                     {"HMAC_DOWN_JTAG", 6},
                                                     {"HMAC_DOWN_DIGITAL_SIGNATURE", 7},
                                                     {"HMAC_UP", 8},
                                                     {"SECURE_BOOT_DIGEST0", 9},
                                                     {"SECURE_BOOT_DIGEST1", 10},
                                                     {"SECURE_BOOT_DIGEST2", 11}};
inline constexpr RowList<CodeName> kKeyPurposesH2Beta = {{"USER/EMPTY", 0},
                                                         {"ECDSA_KEY", 1},
                                                         {"RESERVED", 2},
                                                         {"XTS_AES_128_KEY", 4},
                                                         {"HMAC_DOWN_ALL", 5},
                                                         {"HMAC_DOWN_JTAG", 6},
                                                         {"HMAC_DOWN_DIGITAL_SIGNATURE", 7},
                                                         {"HMAC_UP", 8},
                                                         {"SECURE_BOOT_DIGEST0", 9},
                                                         {"SECURE_BOOT_DIGEST1", 10},
                                                         {"SECURE_BOOT_DIGEST2", 11}};
inline constexpr RowList<CodeName> kKeyPurposesH2 = {{"USER/EMPTY", 0},
                                                     {"ECDSA_KEY", 1},
                                                     {"XTS_AES_256_KEY_1", 2},
                                                     {"XTS_AES_256_KEY_2", 3},
                                                     {"XTS_AES_128_KEY", 4},
                                                     {"HMAC_DOWN_ALL", 5},
                                                     {"HMAC_DOWN_JTAG", 6},
                                                     {"HMAC_DOWN_DIGITAL_SIGNATURE", 7},
                                                     {"HMAC_UP", 8},
                                                     {"SECURE_BOOT_DIGEST0", 9},
                                                     {"SECURE_BOOT_DIGEST1", 10},
                                                     {"SECURE_BOOT_DIGEST2", 11}};
// ESP32-C5, C5beta3, P4: H2's list plus KM_INIT_KEY.
inline constexpr RowList<CodeName> kKeyPurposesC5 = {{"USER/EMPTY", 0},
                                                     {"ECDSA_KEY", 1},
                                                     {"XTS_AES_256_KEY_1", 2},
                                                     {"XTS_AES_256_KEY_2", 3},
                                                     {"XTS_AES_128_KEY", 4},
                                                     {"HMAC_DOWN_ALL", 5},
                                                     {"HMAC_DOWN_JTAG", 6},
                                                     {"HMAC_DOWN_DIGITAL_SIGNATURE", 7},
                                                     {"HMAC_UP", 8},
                                                     {"SECURE_BOOT_DIGEST0", 9},
                                                     {"SECURE_BOOT_DIGEST1", 10},
                                                     {"SECURE_BOOT_DIGEST2", 11},
                                                     {"KM_INIT_KEY", 12}};
inline constexpr RowList<CodeName> kKeyPurposesC61 = {{"USER/EMPTY", 0},
                                                      {"ECDSA_KEY", 1},
                                                      {"XTS_AES_256_KEY_1", 2},
                                                      {"XTS_AES_256_KEY_2", 3},
                                                      {"XTS_AES_128_KEY", 4},
                                                      {"HMAC_DOWN_ALL", 5},
                                                      {"HMAC_DOWN_JTAG", 6},
                                                      {"HMAC_DOWN_DIGITAL_SIGNATURE", 7},
                                                      {"HMAC_UP", 8},
                                                      {"SECURE_BOOT_DIGEST0", 9},
                                                      {"SECURE_BOOT_DIGEST1", 10},
                                                      {"SECURE_BOOT_DIGEST2", 11},
                                                      {"KM_INIT_KEY", 12},
                                                      {"XTS_AES_256_KEY_1_PSRAM", 13},
                                                      {"XTS_AES_256_KEY_2_PSRAM", 14},
                                                      {"XTS_AES_128_KEY_PSRAM", 15}};

// check_spi_connection of the C3 class, inherited by C6beta and H2beta1/2.
inline constexpr SpiPinRule kSpiPinsC3{.ranges = {{0, 21}},
                                   .range_error = "SPI Pin numbers must be in the range 0-21.",
                                   .usb_pins = {18, 19},
                                   .usb_users = "USB-Serial/JTAG"};
// check_spi_connection of the C6 class, inherited by C61 and C5beta3.
inline constexpr SpiPinRule kSpiPinsC6{.ranges = {{0, 30}},
                                   .range_error = "SPI Pin numbers must be in the range 0-30.",
                                   .usb_pins = {12, 13},
                                   .usb_users = "USB-Serial/JTAG"};

}  // namespace esptool::chips::tables
