// Replays tests/fixtures/chip_facts/cases.json through core/chips. Every expectation there is
// what esptool v4.8.1's own classes computed: regen.py (ours, see its header) instantiates each
// esptool/targets/<chip>.py class without a port, answers read_reg from seeded random words
// (recording the addresses read), and records results, stdout lines and write_reg calls.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/base/bytes.h"
#include "core/chips/crystal.h"
#include "core/chips/detect.h"
#include "core/chips/flash_facts.h"
#include "core/chips/identity.h"
#include "core/chips/mac.h"
#include "core/chips/security.h"
#include "core/chips/usb.h"
#include "core/flash/jedec.h"

namespace esptool::chips {
namespace {

using nlohmann::json;

const json& cases() {
  static const json doc = [] {
    std::ifstream in(std::string(ESPT_SOURCE_DIR) + "/tests/fixtures/chip_facts/cases.json");
    return json::parse(in, nullptr, /*allow_exceptions=*/false);
  }();
  return doc;
}

const ChipInfo& chip_of(const json& c) {
  const ChipInfo* chip = find_chip(c["chip"].get<std::string>());
  EXPECT_NE(chip, nullptr) << c["chip"];
  return chip ? *chip : *all_chips()[0];
}

// The words esptool read, plus every register our helpers list for the chip (filled with a
// marker: esptool did not read them in this case, so the result must not depend on them).
RegisterValues values_of(const ChipInfo& chip, const json& regs) {
  RegisterValues v;
  std::vector<uint32_t> listed = identity_registers(chip);
  for (const auto& more :
       {mac_registers(chip), security_registers(chip), flash_id_extra_registers(chip),
        crystal_registers(chip), rom_baud_registers(chip), efuse_spi_pad_registers(chip)})
    listed.insert(listed.end(), more.begin(), more.end());
  for (uint32_t a : listed) v.set(a, 0xA5A5A5A5);
  for (const auto& r : regs) v.set(r[0].get<uint32_t>(), r[1].get<uint32_t>());
  return v;
}

std::set<uint32_t> addresses(const json& regs) {
  std::set<uint32_t> out;
  for (const auto& r : regs) out.insert(r[0].get<uint32_t>());
  return out;
}

std::vector<std::string> lines(const json& j) { return j.get<std::vector<std::string>>(); }

std::vector<std::string> optional_line(const std::optional<std::string>& s) {
  return s ? std::vector<std::string>{*s} : std::vector<std::string>{};
}

std::vector<std::string> nonempty_line(const std::string& s) {
  return s.empty() ? std::vector<std::string>{} : std::vector<std::string>{s};
}

TEST(ChipFactsParity, CasesFileIsFromEsptool481) {
  ASSERT_FALSE(cases().is_discarded()) << "tests/fixtures/chip_facts/cases.json missing or bad";
  EXPECT_EQ(cases()["esptool"], "4.8.1");
  for (const char* group : {"identity", "mac", "crystal", "rom_baud", "security_info",
                            "efuse_security", "usb", "hard_reset", "flash_facts", "spi_pins",
                            "spi_pads", "erase_size", "c2_stub", "jedec", "constants"})
    EXPECT_GT(cases()[group].size(), 5u) << group;
}

uint32_t or_zero(const json& j) { return j.is_null() ? 0 : j.get<uint32_t>(); }

TEST(ChipFactsParity, ChipRowsHoldEsptoolClassConstants) {
  EXPECT_EQ(cases()["constants"].size(), all_chips().size());
  for (const json& c : cases()["constants"]) {
    const ChipInfo& chip = chip_of(c);
    SCOPED_TRACE(chip.key);
    EXPECT_EQ(chip.name, c["name"].get<std::string>());
    EXPECT_EQ(chip.image_chip_id ? json(*chip.image_chip_id) : json(nullptr), c["IMAGE_CHIP_ID"]);
    EXPECT_EQ(json(chip.magic_values), c["CHIP_DETECT_MAGIC_VALUE"]);
    EXPECT_EQ(chip.bootloader_offset, or_zero(c["BOOTLOADER_FLASH_OFFSET"]));
    const Protocol& p = chip.protocol;
    EXPECT_EQ(p.rom_status_len, or_zero(c["STATUS_BYTES_LENGTH"]));
    EXPECT_EQ(p.rom_begin_has_encrypted_word, c["SUPPORTS_ENCRYPTED_FLASH"].get<bool>());
    EXPECT_EQ(p.ram_block, or_zero(c["ESP_RAM_BLOCK"]));
    EXPECT_EQ(p.rom_flash_block, or_zero(c["FLASH_WRITE_SIZE"]));
    EXPECT_EQ(p.stub_flash_block, or_zero(c["STUB_FLASH_WRITE_SIZE"]));
    EXPECT_EQ(p.usb_otg_block, or_zero(c["USB_RAM_BLOCK"]));
    EXPECT_EQ(p.uart_date_reg, or_zero(c["UART_DATE_REG_ADDR"]));
    EXPECT_EQ(chip.crystal.uart_clkdiv_reg, or_zero(c["UART_CLKDIV_REG"]));
    EXPECT_EQ(chip.crystal.xtal_clk_divider, or_zero(c["XTAL_CLK_DIVIDER"]));
    EXPECT_EQ(chip.spi.base, or_zero(c["SPI_REG_BASE"]));
    EXPECT_EQ(chip.spi.usr, or_zero(c["SPI_USR_OFFS"]));
    EXPECT_EQ(chip.spi.usr1, or_zero(c["SPI_USR1_OFFS"]));
    EXPECT_EQ(chip.spi.usr2, or_zero(c["SPI_USR2_OFFS"]));
    EXPECT_EQ(chip.spi.w0, or_zero(c["SPI_W0_OFFS"]));
    EXPECT_EQ(chip.spi.mosi_dlen, or_zero(c["SPI_MOSI_DLEN_OFFS"]));
    EXPECT_EQ(chip.spi.miso_dlen, or_zero(c["SPI_MISO_DLEN_OFFS"]));
    EXPECT_EQ(chip.spi.addr_left_aligned, c["SPI_ADDR_REG_MSB"].get<bool>());
    const uint32_t efuse_base =
        c["EFUSE_BASE"].is_null() ? or_zero(c["EFUSE_RD_REG_BASE"]) : or_zero(c["EFUSE_BASE"]);
    EXPECT_EQ(chip.efuse.base, efuse_base);
    EXPECT_EQ(chip.efuse.block1, or_zero(c["EFUSE_BLOCK1_ADDR"]));
    EXPECT_EQ(chip.efuse.block2, or_zero(c["EFUSE_BLOCK2_ADDR"]));
    if (!c["MAC_EFUSE_REG"].is_null()) {
      EXPECT_EQ(chip.mac.registers.begin()[0], or_zero(c["MAC_EFUSE_REG"]));
    }
    EXPECT_EQ(chip.usb.uartdev_buf_no, or_zero(c["UARTDEV_BUF_NO"]));
    EXPECT_EQ(chip.usb.otg_value, or_zero(c["UARTDEV_BUF_NO_USB_OTG"]));
    EXPECT_EQ(chip.usb.jtag_serial_value, or_zero(c["UARTDEV_BUF_NO_USB_JTAG_SERIAL"]));
    ASSERT_EQ(chip.watchdogs.has_value(), !c["RTC_CNTL_WDTCONFIG0_REG"].is_null());
    if (chip.watchdogs) {
      const WatchdogRegs& w = *chip.watchdogs;
      EXPECT_EQ(w.wdt_config0, or_zero(c["RTC_CNTL_WDTCONFIG0_REG"]));
      EXPECT_EQ(w.wdt_wprotect, or_zero(c["RTC_CNTL_WDTWPROTECT_REG"]));
      EXPECT_EQ(w.wdt_key, or_zero(c["RTC_CNTL_WDT_WKEY"]));
      EXPECT_EQ(w.swd_conf, or_zero(c["RTC_CNTL_SWD_CONF_REG"]));
      EXPECT_EQ(w.swd_wprotect, or_zero(c["RTC_CNTL_SWD_WPROTECT_REG"]));
      EXPECT_EQ(w.swd_auto_feed, or_zero(c["RTC_CNTL_SWD_AUTO_FEED_EN"]));
      EXPECT_EQ(w.swd_key, or_zero(c["RTC_CNTL_SWD_WKEY"]));
    }
    ASSERT_EQ(chip.usb_otg_straps.has_value(), !c["RTC_CNTL_OPTION1_REG"].is_null());
    if (chip.usb_otg_straps) {
      EXPECT_EQ(chip.usb_otg_straps->gpio_strap, or_zero(c["GPIO_STRAP_REG"]));
      EXPECT_EQ(chip.usb_otg_straps->option1, or_zero(c["RTC_CNTL_OPTION1_REG"]));
    }
    EXPECT_EQ(chip.encrypted_write_align, or_zero(c["FLASH_ENCRYPTED_WRITE_ALIGN"]));
  }
}

TEST(ChipFactsParity, DescriptionFeaturesAndRevisionMatchEsptoolForEveryChip) {
  std::map<std::string, std::set<uint32_t>> read_by_chip;
  for (const json& c : cases()["identity"]) {
    const ChipInfo& chip = chip_of(c);
    const RegisterValues v = values_of(chip, c["regs"]);
    SCOPED_TRACE(c.dump());
    EXPECT_EQ(chip_description(chip, v), c["description"].get<std::string>());
    EXPECT_EQ(chip_features(chip, v), lines(c["features"]));
    if (!c["revision"].is_null()) {
      const Revision rev = decode_revision(chip, v);
      EXPECT_EQ(rev.major, c["revision"][0].get<uint32_t>());
      EXPECT_EQ(rev.minor, c["revision"][1].get<uint32_t>());
    }
    for (uint32_t a : addresses(c["regs"])) read_by_chip[chip.key].insert(a);
  }
  // The engine reads exactly what esptool reads for these three facts.
  EXPECT_EQ(read_by_chip.size(), all_chips().size());
  for (const auto& [key, read] : read_by_chip) {
    const std::vector<uint32_t> listed = identity_registers(*find_chip(key));
    EXPECT_EQ(std::set<uint32_t>(listed.begin(), listed.end()), read) << key;
  }
}

TEST(ChipFactsParity, MacLinesAndChipIdMatchEsptool) {
  for (const json& c : cases()["mac"]) {
    const ChipInfo& chip = chip_of(c);
    SCOPED_TRACE(c.dump());
    const std::vector<uint32_t> listed = mac_registers(chip);
    EXPECT_EQ(std::set<uint32_t>(listed.begin(), listed.end()), addresses(c["regs"]));
    const Result<MacAddresses> mac = decode_mac(chip, values_of(chip, c["regs"]));
    if (c.contains("error")) {
      ASSERT_FALSE(mac.ok());
      EXPECT_EQ(mac.error().message(), c["error"].get<std::string>());
      EXPECT_EQ(mac.error().name(), "unknown_oui");
      continue;
    }
    ASSERT_TRUE(mac.ok());
    EXPECT_EQ(mac_lines(*mac), lines(c["lines"]));
    EXPECT_EQ(has_chip_id(chip), c.contains("chip_id_line"));
    if (c.contains("chip_id_line")) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "Chip ID: 0x%08x",
                    unsigned(esp8266_chip_id(chip, values_of(chip, c["regs"]))));
      EXPECT_EQ(buf, c["chip_id_line"].get<std::string>());
    }
  }
}

TEST(ChipFactsParity, CrystalFrequencyAndWarningMatchEsptool) {
  for (const json& c : cases()["crystal"]) {
    const ChipInfo& chip = chip_of(c);
    SCOPED_TRACE(c.dump());
    const std::vector<uint32_t> listed = crystal_registers(chip);
    EXPECT_EQ(std::set<uint32_t>(listed.begin(), listed.end()), addresses(c["regs"]));
    const Crystal x = crystal_mhz(chip, c["clkdiv"].get<uint32_t>(), c["baud"].get<uint32_t>());
    EXPECT_EQ(x.mhz, c["mhz"].get<uint32_t>());
    EXPECT_EQ(nonempty_line(x.warning), lines(c["lines"]));
  }
}

TEST(ChipFactsParity, RomChangeBaudSendsWhatEsptoolSends) {
  for (const json& c : cases()["rom_baud"]) {
    const ChipInfo& chip = chip_of(c);
    SCOPED_TRACE(c.dump());
    const RegisterValues v = values_of(chip, c["regs"]);
    const uint32_t baud = c["baud"].get<uint32_t>();
    uint32_t crystal = chip.crystal.fixed_mhz;
    if (crystal == 0) crystal = crystal_mhz(chip, v.at(chip.crystal.uart_clkdiv_reg), 115200).mhz;
    const RomBaudChange change = rom_change_baud(chip, baud, crystal, v);
    EXPECT_EQ(change.sent_baud, c["sent"].get<uint32_t>());
    EXPECT_EQ(c["second"].get<uint32_t>(), 0u);  // a ROM is always told the old rate is 0
    std::vector<std::string> printed = nonempty_line(change.note);
    printed.push_back("Changing baud rate to " + std::to_string(change.printed_baud));
    printed.push_back("Changed.");
    EXPECT_EQ(printed, lines(c["lines"]));
  }
}

TEST(ChipFactsParity, SecurityInfoReportMatchesEsptool) {
  for (const json& c : cases()["security_info"]) {
    const ChipInfo& chip = chip_of(c);
    SCOPED_TRACE(c.dump());
    Bytes payload;
    const std::string hex = c["payload"].get<std::string>();
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
      payload.push_back(uint8_t(std::stoul(hex.substr(i, 2), nullptr, 16)));
    const Result<SecurityInfo> info = parse_security_info(payload);
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info->chip_id.has_value(), payload.size() == 20);
    EXPECT_EQ(security_info_text(chip, *info), c["text"].get<std::string>());
  }
}

TEST(ChipFactsParity, SecureBootAndFlashEncryptionChecksMatchEsptool) {
  for (const json& c : cases()["efuse_security"]) {
    const ChipInfo& chip = chip_of(c);
    SCOPED_TRACE(c.dump());
    const std::vector<uint32_t> listed = security_registers(chip);
    for (uint32_t a : addresses(c["regs"]))
      EXPECT_NE(std::find(listed.begin(), listed.end(), a), listed.end()) << a;
    const RegisterValues v = values_of(chip, c["regs"]);
    EXPECT_EQ(secure_boot_enabled(chip, v), c["secure_boot"].get<bool>());
    EXPECT_EQ(flash_encryption_enabled(chip, v), c["flash_encryption"].get<bool>());
    EXPECT_EQ(encrypted_download_disabled(chip, v), c["dis_manual_encrypt"].get<bool>());
  }
}

TEST(ChipFactsParity, UsbModeBlockSizesAndWatchdogWritesMatchEsptool) {
  for (const json& c : cases()["usb"]) {
    const ChipInfo& chip = chip_of(c);
    SCOPED_TRACE(c.dump());
    const RegisterValues v = values_of(chip, c["regs"]);
    const UsbMode mode = decode_usb_mode(chip, c["uart_value"].get<uint32_t>());
    EXPECT_EQ(mode == UsbMode::kUsbOtg, c["otg"].get<bool>());
    EXPECT_EQ(mode == UsbMode::kUsbJtagSerial, c["jtag"].get<bool>());
    EXPECT_EQ(ram_block_size(chip, false, mode), c["ram_block"].get<uint32_t>());
    if (!c["stub_flash_block"].is_null()) {
      EXPECT_EQ(flash_block_size(chip, true, mode), c["stub_flash_block"].get<uint32_t>());
      EXPECT_EQ(ram_block_size(chip, true, mode), c["stub_ram_block"].get<uint32_t>());
    }
    EXPECT_EQ(flash_block_size(chip, false, mode), 0x400u);
    std::vector<RegWrite> writes;
    if (should_disable_watchdogs(chip, mode, c["sync_stub_detected"].get<bool>()))
      writes = watchdog_disable_writes(chip, v.at(chip.watchdogs->swd_conf));
    json got = json::array();
    for (const RegWrite& w : writes) got.push_back({w.address, w.value, w.mask});
    EXPECT_EQ(got, c["writes"]);
    EXPECT_EQ(stub_disabled(chip, decode_revision(chip, v), false), c["stub_disabled"].get<bool>());
  }
}

TEST(ChipFactsParity, HardResetPulseStrapRefusalAndWritesMatchEsptool) {
  for (const json& c : cases()["hard_reset"]) {
    const ChipInfo& chip = chip_of(c);
    SCOPED_TRACE(c.dump());
    const RegisterValues v = values_of(chip, c["regs"]);
    const std::set<uint32_t> read = addresses(c["regs"]);
    const uint32_t uartdev = chip.usb.uartdev_buf_no;
    const UsbMode mode =
        read.count(uartdev) ? decode_usb_mode(chip, v.at(uartdev)) : UsbMode::kUart;
    std::string refusal;
    const std::vector<uint32_t> straps = reset_strap_registers(chip, mode);
    if (!straps.empty())
      refusal = usb_otg_reset_refusal(chip, mode, v.at(straps[0]), v.at(straps[1]),
                                      chip_description(chip, v));
    if (!c["error"].is_null()) {
      EXPECT_EQ(refusal, c["error"].get<std::string>());
      continue;
    }
    EXPECT_EQ(refusal, "");
    EXPECT_EQ(lines(c["lines"]), std::vector<std::string>{"Hard resetting via RTS pin..."});
    EXPECT_EQ(hard_reset_uses_long_pulse(chip, mode), c["long_pulse"].get<bool>());
    json got = json::array();
    for (const RegWrite& w : pre_hard_reset_writes(chip))
      got.push_back({w.address, w.value, w.mask});
    EXPECT_EQ(got, c["writes"]);
  }
}

TEST(ChipFactsParity, FlashTypeAndVoltageLinesMatchEsptool) {
  for (const json& c : cases()["flash_facts"]) {
    const ChipInfo& chip = chip_of(c);
    SCOPED_TRACE(c.dump());
    const std::vector<uint32_t> listed = flash_id_extra_registers(chip);
    for (uint32_t a : addresses(c["regs"]))
      EXPECT_NE(std::find(listed.begin(), listed.end(), a), listed.end()) << a;
    const RegisterValues v = values_of(chip, c["regs"]);
    EXPECT_EQ(optional_line(flash_voltage_line(chip, v)), lines(c["voltage_lines"]));
    const std::optional<std::string> type = flash_type_line(chip, v);
    EXPECT_EQ(type.has_value(), !c["type_line"].is_null());
    if (type) {
      EXPECT_EQ(*type, c["type_line"].get<std::string>());
    }
  }
}

TEST(ChipFactsParity, SpiConnectionChecksMatchEsptool) {
  for (const json& c : cases()["spi_pins"]) {
    const ChipInfo& chip = chip_of(c);
    SCOPED_TRACE(c.dump());
    SpiPins pins;
    for (size_t i = 0; i < pins.size(); ++i) pins[i] = c["pins"][i].get<uint32_t>();
    const Result<std::string> check = check_spi_pins(chip, pins);
    if (!c["error"].is_null()) {
      ASSERT_FALSE(check.ok());
      EXPECT_EQ(check.error().message(), c["error"].get<std::string>());
    } else {
      ASSERT_TRUE(check.ok()) << check.error().message();
      EXPECT_EQ(nonempty_line(*check), lines(c["lines"]));
    }
  }
}

TEST(ChipFactsParity, Esp32EfuseSpiPadsMatchEsptool) {
  const ChipInfo& esp32 = *find_chip("esp32");
  for (const json& c : cases()["spi_pads"]) {
    const SpiPins pads = efuse_spi_pads(esp32, values_of(esp32, c["regs"]));
    EXPECT_EQ(json(std::vector<uint32_t>(pads.begin(), pads.end())), c["pads"]) << c.dump();
  }
}

TEST(ChipFactsParity, Esp8266RomEraseSizeWorkaroundMatchesEsptool) {
  const ChipInfo& esp8266 = *find_chip("esp8266");
  for (const json& c : cases()["erase_size"]) {
    const uint32_t offset = c["offset"].get<uint32_t>(), size = c["size"].get<uint32_t>();
    EXPECT_EQ(flash_begin_erase_size(esp8266, false, offset, size), c["erase"].get<uint32_t>())
        << c.dump();
    EXPECT_EQ(flash_begin_erase_size(esp8266, true, offset, size), size);
  }
}

TEST(ChipFactsParity, Esp32C2Revision0DisablesTheStubOutsideSecureDownloadMode) {
  const ChipInfo& c2 = *find_chip("esp32c2");
  for (const json& c : cases()["c2_stub"]) {
    const Revision rev = decode_revision(c2, values_of(c2, c["regs"]));
    EXPECT_EQ(stub_disabled(c2, rev, c["sdm"].get<bool>()), c["stub_disabled"].get<bool>())
        << c.dump();
  }
}

TEST(ChipFactsParity, DetectionByMagicAndChipIdMatchesEsptool) {
  const json& d = cases()["detect"];
  for (const json& c : d["magic"]) {
    const ChipInfo* found = detect_chip_by_magic(c["magic"].get<uint32_t>());
    EXPECT_EQ(found ? json(found->name) : json(nullptr), c["chip"]) << c.dump();
  }
  for (const json& c : d["chip_id"]) {
    const ChipInfo* found = detect_chip_by_security_id(c["chip_id"].get<uint32_t>());
    EXPECT_EQ(found ? json(found->name) : json(nullptr), c["chip"]) << c.dump();
  }
  for (const json& c : d["check_chip_id"]) {
    const ChipInfo& chip = chip_of(c);
    const std::string warning = chip_id_mismatch_warning(chip, c["chip_id"].get<uint32_t>());
    EXPECT_EQ(nonempty_line(warning), lines(c["lines"])) << c.dump();
    EXPECT_EQ(!warning.empty(), c["stub_disabled"].get<bool>());
  }
}

TEST(ChipFactsParity, FlashIdLinesAndSizeMatchEsptool) {
  for (const json& c : cases()["jedec"]) {
    const uint32_t id = c["id"].get<uint32_t>();
    const char* size = flash::flash_size_from_jedec(id);
    EXPECT_EQ(size ? json(size) : json(nullptr), c["size"]) << c.dump();
    EXPECT_EQ(flash::flash_id_text(id), c["text"].get<std::string>()) << c.dump();
  }
}

}  // namespace
}  // namespace esptool::chips
