// Readable examples of the chip fact helpers. Expected strings were obtained by running
// esptool v4.8.1's target classes on the same register values (/usr/bin/python3 with
// PYTHONPATH=<v4.8.1 tree>, an instance made with cls.__new__ and read_reg answering from a
// dict); table facts cite serial-protocol.md / chips.md. The exhaustive per-chip comparison is
// chip_facts_parity_test.cpp.
#include <gtest/gtest.h>

#include "core/chips/crystal.h"
#include "core/chips/detect.h"
#include "core/chips/flash_facts.h"
#include "core/chips/identity.h"
#include "core/chips/mac.h"
#include "core/chips/security.h"
#include "core/chips/usb.h"
#include "core/engine/session.h"
#include "core/flash/jedec.h"

namespace esptool::chips {
namespace {

const ChipInfo& chip(const char* key) { return *find_chip(key); }

RegisterValues read_all(const std::vector<uint32_t>& listed,
                        std::initializer_list<std::pair<uint32_t, uint32_t>> set) {
  RegisterValues v;
  for (uint32_t a : listed) v.set(a, 0);
  for (const auto& [a, value] : set) v.set(a, value);
  return v;
}

TEST(ChipRows, OnlyTheEsp8266RomLacksTheOptionalCommands) {
  // serial-protocol.md §4 "ROM-command availability per chip".
  for (const ChipInfo* c : all_chips()) {
    const RomCommands& rom = c->protocol.rom;
    const bool all = rom.has_defl && rom.has_md5 && rom.has_change_baud && rom.has_spi_attach &&
                     rom.has_read_flash_slow && rom.has_spi_set_params;
    const bool none = !rom.has_defl && !rom.has_md5 && !rom.has_change_baud &&
                      !rom.has_spi_attach && !rom.has_read_flash_slow && !rom.has_spi_set_params;
    EXPECT_TRUE(c->is_esp8266 ? none : all) << c->key;
  }
}

TEST(ChipRows, SecurityInfoLengthAndMagicOnlyDetectionFollowTheSpec) {
  // serial-protocol.md §4 (0x14) and §14: ESP8266/ESP32 ROMs lack GET_SECURITY_INFO, the
  // ESP32-S2 ROM answers 12 bytes without chip_id, every later ROM 20 bytes.
  for (const ChipInfo* c : all_chips()) {
    const std::string key = c->key;
    const bool magic_only = key == "esp8266" || key == "esp32" || key == "esp32s2";
    EXPECT_EQ(c->protocol.uses_magic_value, magic_only) << key;
    const uint8_t expected = key == "esp8266" || key == "esp32" ? 0 : key == "esp32s2" ? 12 : 20;
    EXPECT_EQ(c->protocol.rom_security_info_len, expected) << key;
  }
}

TEST(ChipRows, StubFilesAreTheEsptoolJs061LegacyNames) {
  // esptool-js 0.6.1 lib/stubFlasher.js: no stub for the beta chips; P4 below v3.0 uses rc1.
  EXPECT_STREQ(stub_file(chip("esp32"), {}), "stub_flasher_32.bin");
  EXPECT_STREQ(stub_file(chip("esp8266"), {}), "stub_flasher_8266.bin");
  EXPECT_STREQ(stub_file(chip("esp32c61"), {}), "stub_flasher_32c61.bin");
  EXPECT_STREQ(stub_file(chip("esp32p4"), {1, 0}), "stub_flasher_32p4rc1.bin");
  EXPECT_STREQ(stub_file(chip("esp32p4"), {3, 0}), "stub_flasher_32p4.bin");
  for (const ChipInfo* c : all_chips()) EXPECT_EQ(c->is_beta, c->stub.file == nullptr) << c->key;
}

TEST(ChipIdentity, Esp32D0wdV3ShowsRevisionAndFeaturesLikeEsptool) {
  const ChipInfo& esp32 = chip("esp32");
  // Word 3: package 1 (D0WD), CPU rated 240 MHz (bit 13), revision bit 0 (bit 15); word 5 bit 20
  // and APB_CTL_DATE bit 31 complete revision 3; word 4 bit 8 = ADC VRef calibrated.
  const RegisterValues v =
      read_all(identity_registers(esp32), {{0x3FF5A00C, (1u << 9) | (1u << 13) | (1u << 15)},
                                           {0x3FF5A014, 1u << 20},
                                           {0x3FF6607C, 1u << 31},
                                           {0x3FF5A010, 1u << 8}});
  EXPECT_EQ(chip_description(esp32, v), "ESP32-D0WD-V3 (revision v3.0)");
  EXPECT_EQ(features_text(chip_features(esp32, v)),
            "WiFi, BT, Dual Core, 240MHz, VRef calibration in efuse, Coding Scheme None");
  EXPECT_EQ(decode_revision(esp32, v).value(), 300u);
}

TEST(ChipIdentity, Esp32C3NamesPackageMinorRevisionAndEmbeddedFlashVendor) {
  const ChipInfo& c3 = chip("esp32c3");
  // BLOCK1 word 3: minor low bits 4 at bit 18, flash cap 1 at bit 27; word 4: vendor 1 (XMC).
  const RegisterValues v =
      read_all(identity_registers(c3), {{0x60008850, (4u << 18) | (1u << 27)}, {0x60008854, 1}});
  EXPECT_EQ(chip_description(c3, v), "ESP32-C3 (QFN32) (revision v0.4)");
  EXPECT_EQ(features_text(chip_features(c3, v)), "WiFi, BLE, Embedded Flash 4MB (XMC)");
}

TEST(ChipIdentity, Esp8266HasNoRevisionRegisters) {
  EXPECT_TRUE(revision_registers(chip("esp8266")).empty());
  const RegisterValues v = read_all(identity_registers(chip("esp8266")), {});
  EXPECT_EQ(chip_description(chip("esp8266"), v), "ESP8266EX");
}

TEST(ChipMac, Esp32C6PrintsEui64BaseAndExtensionLikeEsptool) {
  // esp32c6.py read_mac comment: BASE 60:55:f9:f7:2c:a2, EUI64 60:55:f9:ff:fe:f7:2c:a2.
  const ChipInfo& c6 = chip("esp32c6");
  const Result<MacAddresses> mac =
      decode_mac(c6, RegisterValues{{0x600B0844, 0xF9F72CA2}, {0x600B0848, 0xFFFE6055}});
  ASSERT_TRUE(mac.ok());
  EXPECT_EQ(mac_lines(*mac),
            (std::vector<std::string>{"MAC: 60:55:f9:ff:fe:f7:2c:a2", "BASE MAC: 60:55:f9:f7:2c:a2",
                                      "MAC_EXT: ff:fe"}));
}

TEST(ChipMac, Esp8266OuiComesFromMac3OrTheSelectorElseUnknownOui) {
  const ChipInfo& esp8266 = chip("esp8266");
  const Result<MacAddresses> ok = decode_mac(
      esp8266, RegisterValues{{0x3FF00050, 0x12000000}, {0x3FF00054, 0x00013456}, {0x3FF0005C, 0}});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(mac_lines(*ok), std::vector<std::string>{"MAC: ac:d0:74:34:56:12"});
  EXPECT_EQ(esp8266_chip_id(esp8266, RegisterValues{{0x3FF00050, 0x12000000},
                                                    {0x3FF00054, 0x00013456},
                                                    {0x3FF0005C, 0}}),
            0x1345612u);
  const Result<MacAddresses> bad = decode_mac(
      esp8266, RegisterValues{{0x3FF00050, 0x12000000}, {0x3FF00054, 0x00023456}, {0x3FF0005C, 0}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message(), "Unknown OUI");
  EXPECT_FALSE(has_chip_id(chip("esp32")));
}

TEST(ChipCrystal, Esp32DividerAt115200NormalisesTo40MHzAndFixedChipsReadNothing) {
  EXPECT_EQ(crystal_registers(chip("esp32")), std::vector<uint32_t>{0x3FF40014});
  const Crystal x = crystal_mhz(chip("esp32"), 347, 115200);  // 39.97 MHz
  EXPECT_EQ(x.mhz, 40u);
  EXPECT_EQ(x.warning, "");
  EXPECT_TRUE(crystal_registers(chip("esp32h2")).empty());
  EXPECT_EQ(crystal_mhz(chip("esp32h2"), 0, 115200).mhz, 32u);
}

TEST(ChipCrystal, Esp32C2RomWith26MHzCrystalIsSentAScaledRate) {
  // esp32c2.py change_baud: baud * 40 // 26 when the ROM runs from a 26 MHz crystal.
  const RomBaudChange c = rom_change_baud(chip("esp32c2"), 921600, 26, {});
  EXPECT_EQ(c.sent_baud, 1417846u);
  EXPECT_EQ(c.printed_baud, 921600u);
  EXPECT_EQ(rom_change_baud(chip("esp32c3"), 921600, 40, {}).sent_baud, 921600u);
}

TEST(ChipSecurity, Esp32S2ShortSecurityInfoHasNoChipId) {
  const Bytes payload = {0x01, 0, 0, 0, 0x01, 4, 0, 0, 0, 0, 0, 0};
  const Result<SecurityInfo> info = parse_security_info(payload);
  ASSERT_TRUE(info.ok());
  EXPECT_FALSE(info->chip_id.has_value());
  EXPECT_TRUE(info->flash_encryption_enabled());
  EXPECT_FALSE(security_info_chip_id(payload).has_value());
  const std::string text = security_info_text(chip("esp32s2"), *info);
  EXPECT_NE(text.find("  BLOCK_KEY0 - XTS_AES_128_KEY\n"), std::string::npos);
  EXPECT_NE(text.find("Secure Boot: Enabled\n"), std::string::npos);
  EXPECT_EQ(text.find("Chip ID"), std::string::npos);
  EXPECT_FALSE(parse_security_info(Bytes(16)).ok());
}

TEST(ChipDetect, MagicAndSecurityIdNameTheChipAndMismatchesAreExplained) {
  EXPECT_STREQ(detect_chip_by_magic(0x00F01D83)->key, "esp32");
  EXPECT_STREQ(detect_chip_by_magic(0x1B31506F)->key, "esp32c3");
  EXPECT_EQ(detect_chip_by_magic(0x12345678), nullptr);
  EXPECT_STREQ(detect_chip_by_security_id(9)->key, "esp32s3");
  EXPECT_EQ(detect_chip_by_security_id(2), nullptr);  // ESP32-S2 is found by its magic
  const MagicCheck wrong = check_magic(chip("esp32"), 0x00000009);
  ASSERT_FALSE(wrong.status.ok());
  EXPECT_EQ(wrong.status.error().message(),
            "This chip is ESP32-S3 not ESP32. Wrong --chip argument?");
  EXPECT_EQ(check_magic(chip("esp32"), 0xDEADBEEF).warning,
            "WARNING: This chip doesn't appear to be a ESP32 (chip magic value 0xdeadbeef). "
            "Probably it is unsupported by this version of esptool.");
  EXPECT_EQ(chip_id_mismatch_warning(chip("esp32s3"), 6),
            "WARNING: Chip ID 6 (ESP32-S3(beta 3)) doesn't match expected Chip ID 9. esptool may "
            "not work correctly.");
}

TEST(ChipUsb, ModeRegisterIsReadOnlyWhereEsptoolChecksIt) {
  EXPECT_EQ(usb_mode_registers(chip("esp32s3"), false), std::vector<uint32_t>{0x3FCEF14C});
  EXPECT_TRUE(usb_mode_registers(chip("esp32s3"), true).empty());   // not in SDM
  EXPECT_TRUE(usb_mode_registers(chip("esp32c2"), false).empty());  // _post_connect overridden
  EXPECT_TRUE(usb_mode_registers(chip("esp32p4"), false).empty());
  EXPECT_EQ(usb_mode_registers(chip("esp32c5"), false), std::vector<uint32_t>{0x4085F51C});
  EXPECT_EQ(decode_usb_mode(chip("esp32s3"), 0x103), UsbMode::kUsbOtg);
  EXPECT_EQ(decode_usb_mode(chip("esp32s3"), 4), UsbMode::kUsbJtagSerial);
  EXPECT_EQ(flash_block_size(chip("esp32s2"), true, UsbMode::kUsbOtg), 0x800u);
  EXPECT_EQ(flash_block_size(chip("esp32s2"), false, UsbMode::kUsbOtg), 0x400u);
}

TEST(ChipStub, Esp32C2V00RunsWithoutStubUnlessInSecureDownloadMode) {
  EXPECT_TRUE(stub_disabled(chip("esp32c2"), {0, 0}, false));
  EXPECT_FALSE(stub_disabled(chip("esp32c2"), {0, 0}, true));
  EXPECT_FALSE(stub_disabled(chip("esp32c2"), {1, 0}, false));
  EXPECT_FALSE(stub_disabled(chip("esp32c3"), {0, 0}, false));
}

TEST(ChipFlash, SpiPinsAreCheckedPackedAndShownLikeEsptool) {
  const SpiPins pins = {6, 17, 8, 11, 16};
  EXPECT_EQ(spi_pins_text(pins), "CLK:6, Q:17, D:8, HD:11, CS:16");
  EXPECT_EQ(spi_attach_value(pins), 6u | 17u << 6 | 8u << 12 | 16u << 18 | 11u << 24);
  const Result<std::string> esp8266 = check_spi_pins(chip("esp8266"), pins);
  ASSERT_FALSE(esp8266.ok());
  EXPECT_EQ(esp8266.error().message(), "Setting --spi-connection is not supported by ESP8266.");
  const Result<std::string> c3 = check_spi_pins(chip("esp32c3"), {18, 1, 2, 3, 4});
  ASSERT_TRUE(c3.ok());
  EXPECT_EQ(*c3,
            "WARNING: GPIO pins 18 and 19 are used by USB-Serial/JTAG, consider using other pins "
            "for SPI flash connection.");
}

TEST(FlashJedec, CapacityByteNamesTheSizeAndXmcIsRecognised) {
  EXPECT_STREQ(flash::flash_size_from_jedec(0x1640EF), "4MB");  // Winbond W25Q32
  EXPECT_STREQ(flash::flash_size_from_jedec(0x3940C8), "32MB");
  EXPECT_EQ(flash::flash_size_from_jedec(0x2320C2), nullptr);
  EXPECT_EQ(flash::flash_id_text(0x1640EF),
            "Manufacturer: ef\nDevice: 4016\nDetected flash size: 4MB\n");
  EXPECT_EQ(flash::flash_size_bytes("256KB"), 262144u);
  EXPECT_EQ(flash::flash_size_bytes("16MB"), 16u * 1024 * 1024);
  EXPECT_FALSE(flash::flash_size_bytes("keep").has_value());
  EXPECT_TRUE(flash::is_xmc_chip_strict(0x164020));
  EXPECT_FALSE(flash::is_xmc_chip_strict(0x1640EF));
}

TEST(EngineSession, StatusLengthComesFromTheChipRow) {
  // serial-protocol.md §2: ESP8266 ROM 2 status bytes, other ROMs 4, every stub 2.
  engine::Session s;
  EXPECT_EQ(s.status_len(), 2u);
  s.chip = &chip("esp8266");
  EXPECT_EQ(s.status_len(), 2u);
  s.chip = &chip("esp32c6");
  EXPECT_EQ(s.status_len(), 4u);
  s.is_stub = true;
  EXPECT_EQ(s.status_len(), 2u);
}

}  // namespace
}  // namespace esptool::chips
