// Every device command x every simulated chip x ROM-only and with the flasher stub, each as the
// CLI runs it (connect, describe, stub, baud, flash setup, command, --after), in virtual time.
// Outcomes are checked against the simulated board itself (flash contents, RAM words, flash
// status), not only against what the engine reports. Where the real loader refuses a command,
// the test pins the one-line error we give instead (esptool's wording in the comment).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/chips/chip.h"
#include "core/image/elf2image.h"
#include "tests/engine/device_bench.h"
#include "tests/support/elf_builder.h"

namespace {

using esptool::Bytes;
using esptool::Errc;
using esptool::ops::DeviceRequest;
using esptool::ops::FlashFile;
using esptool::testing::all_lines;
using esptool::testing::all_stubs;
using esptool::testing::DeviceBench;
using esptool::testing::has_line;
using esptool::testing::SimRun;

struct Case {
  const char* chip;
  bool stub;
};

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  return std::string(info.param.chip) + (info.param.stub ? "_stub" : "_rom");
}

// Data that is not a firmware image (first byte is not 0xE9), so write_flash leaves it alone.
Bytes pattern(size_t n, uint32_t seed) {
  Bytes b = esptool::testing::pseudo_random_bytes(n, seed);
  b[0] = 0x5A;
  return b;
}

const esptool::chips::MemoryRegion& region(const esptool::chips::ChipInfo& chip, const char* name) {
  for (const auto& r : chip.memory_map)
    if (r.name == std::string(name)) return r;
  ADD_FAILURE() << chip.name << " has no " << name << " region";
  return *chip.memory_map.begin();
}

class CommandMatrix : public ::testing::TestWithParam<Case> {
 protected:
  CommandMatrix() : bench_(GetParam().chip) {}

  DeviceRequest request(const char* command) const {
    DeviceRequest r;
    r.command = command;
    r.no_stub = !GetParam().stub;
    r.stubs = all_stubs();
    return r;
  }
  SimRun run_ok(const DeviceRequest& r) {
    SimRun run = bench_.run(r);
    EXPECT_TRUE(run.status.ok()) << r.command << ": " << run.status.error().message() << "\n"
                                 << all_lines(run);
    if (run.status.ok() && GetParam().stub) {
      EXPECT_TRUE(has_line(run, "Stub running...") || has_line(run, "Stub is already running."))
          << r.command << " ran without the stub";
    }
    return run;
  }
  esptool::Error run_error(const DeviceRequest& r) {
    SimRun run = bench_.run(r);
    EXPECT_FALSE(run.status.ok()) << r.command << " succeeded where it must fail";
    if (run.status.ok()) return {};
    const esptool::Error& e = run.status.error();
    EXPECT_FALSE(e.message().empty());
    EXPECT_EQ(e.message().find('\n'), std::string::npos) << "not one line: " << e.message();
    return e;
  }
  const esptool::chips::ChipInfo& chip() const { return *esptool::chips::find_chip(GetParam().chip); }
  // Lets the board act on what it was told last (a jump, a reset released) before it is checked.
  void settle() { bench_.device.advance(bench_.driver.now() + 100); }
  bool rom_8266() const { return !GetParam().stub && std::string(GetParam().chip) == "esp8266"; }

  DeviceBench bench_;
};

TEST_P(CommandMatrix, InformationCommandsReportTheSimulatedBoard) {
  SimRun mac = run_ok(request("read_mac"));
  const std::string text = mac.report.facts.text("mac");
  EXPECT_EQ(text.size(), 17u) << text;
  EXPECT_TRUE(has_line(mac, "MAC: "));

  SimRun id = run_ok(request("chip_id"));
  if (std::string(GetParam().chip) == "esp8266") {
    EXPECT_TRUE(has_line(id, "Chip ID: 0x"));
    EXPECT_TRUE(id.report.facts.contains("chip_id"));
  } else {
    // cmds.py chip_id: NotSupportedError -> this warning, then read_mac.
    EXPECT_TRUE(has_line(id, "Warning: " + std::string(chip().name) + " has no Chip ID. Reading MAC instead."));
    EXPECT_EQ(id.report.facts.text("mac"), text);
  }

  SimRun flash = run_ok(request("flash_id"));
  EXPECT_EQ(flash.report.facts.number("flash_id"), int64_t(bench_.device.flash().jedec_id()));
  EXPECT_TRUE(has_line(flash, "Detected flash size: 4MB"));
}

TEST_P(CommandMatrix, GetSecurityInfoAnswersWhereTheLoaderHasIt) {
  const hwsim::ChipModel& model = *hwsim::find_chip(GetParam().chip);
  DeviceRequest req = request("get_security_info");
  if (model.security_info == hwsim::SecurityInfoForm::kNone) {
    // ESP8266 and ESP32 loaders lack GET_SECURITY_INFO. esptool: "Failed to get security info
    // (result was 01050000: ...)" from the ROM, "(result was FF00: Command not implemented)"
    // from the stub.
    esptool::Error e = run_error(req);
    EXPECT_EQ(uint16_t(e.code), GetParam().stub ? 0xFF00 : 0x0105) << e.message();
    EXPECT_NE(e.message().find("GET_SECURITY_INFO failed"), std::string::npos) << e.message();
    return;
  }
  SimRun run = run_ok(req);
  EXPECT_TRUE(has_line(run, "Security Information:"));
  EXPECT_TRUE(has_line(run, "Flags: 0x"));
  if (model.security_info == hwsim::SecurityInfoForm::kFull20) {
    EXPECT_TRUE(has_line(run, "Chip ID: " + std::to_string(model.image_chip_id))) << all_lines(run);
  }
}

TEST_P(CommandMatrix, WrittenFilesReadBackEqualCompressedAndNot) {
  const Bytes a = pattern(20000, 1), b = pattern(9001, 2), c = pattern(12000, 3);
  for (bool compress : {false, true}) {
    if (compress && rom_8266()) continue;  // no FLASH_DEFL_* in the ESP8266 ROM
    DeviceRequest w = request("write_flash");
    w.compress = compress;
    // An aligned file, an unaligned one (ROM: padded down to the sector), an odd length.
    w.files = {{0x10000, a, "a.bin"}, {0x20800, b, "b.bin"}, {0x31000, c, "c.bin"}};
    SimRun run = run_ok(w);
    if (!rom_8266()) {
      EXPECT_TRUE(has_line(run, "Hash of data verified.")) << all_lines(run);
    }
    EXPECT_EQ(bench_.flash(0x10000, uint32_t(a.size())), a);
    EXPECT_EQ(bench_.flash(0x20800, uint32_t(b.size())), b);
    EXPECT_EQ(bench_.flash(0x31000, uint32_t(c.size())), c);
    // The sector head before an unaligned file is erased (esptool's warning says so).
    EXPECT_EQ(bench_.flash(0x20000, 0x800), Bytes(0x800, 0xFF));
    // Padding to a 4-byte multiple is written as erased bytes.
    EXPECT_EQ(bench_.flash(0x20800 + 9001, 3), Bytes(3, 0xFF));

    DeviceRequest r = request("read_flash");
    r.address = 0x20800;
    r.size = uint32_t(b.size());
    if (rom_8266()) {
      // esptool: "ESP8266 ROM does not support function read_flash_slow."
      esptool::Error e = run_error(r);
      EXPECT_EQ(e.code, Errc::kUnsupportedCommand);
      EXPECT_EQ(e.message(), "ESP8266 ROM does not support function read_flash_slow.");
      continue;
    }
    SimRun read = run_ok(r);
    EXPECT_EQ(read.report.data, b);
  }
}

TEST_P(CommandMatrix, VerifyFlashPassesOnEqualDataAndFailsClearlyOnDifferentData) {
  const Bytes a = pattern(6000, 4);
  DeviceRequest w = request("write_flash");
  w.files = {{0x8000, a, "a.bin"}};
  run_ok(w);

  DeviceRequest same = request("verify_flash");
  same.files = w.files;
  Bytes changed = a;
  changed[4321] ^= 0x10;
  DeviceRequest different = same;
  different.files = {{0x8000, changed, "a.bin"}};
  different.diff = true;
  if (rom_8266()) {
    // esptool: "ESP8266 ROM does not support function flash_md5sum."
    esptool::Error e = run_error(same);
    EXPECT_EQ(e.code, Errc::kUnsupportedCommand);
    EXPECT_EQ(e.message(), "ESP8266 ROM does not support function flash_md5sum.");
    return;
  }
  SimRun ok = run_ok(same);
  EXPECT_TRUE(has_line(ok, "-- verify OK (digest matched)"));

  SimRun bad = bench_.run(different);
  ASSERT_FALSE(bad.status.ok());
  EXPECT_EQ(bad.status.error().code, Errc::kDigestMismatch);
  EXPECT_EQ(bad.status.error().message(), "Verify failed.");  // cmds.py verify_flash
  EXPECT_TRUE(has_line(bad, "-- verify FAILED: 1 differences")) << all_lines(bad);
  EXPECT_TRUE(has_line(bad, esptool::strprintf("   %08x %02x %02x", 0x8000 + 4321, a[4321], changed[4321])))
      << all_lines(bad);
}

TEST_P(CommandMatrix, EraseRegionAndEraseFlashLeaveErasedBytes) {
  const Bytes a = pattern(0x6000, 5);
  DeviceRequest w = request("write_flash");
  w.files = {{0x2000, a, "a.bin"}};
  run_ok(w);

  DeviceRequest region = request("erase_region");
  region.address = 0x3000;
  region.size = 0x2000;
  DeviceRequest whole = request("erase_flash");
  if (!GetParam().stub) {
    // esptool: "<chip> ROM does not support function erase_region." / "... erase_flash."
    for (const DeviceRequest* req : {&region, &whole}) {
      esptool::Error e = run_error(*req);
      EXPECT_EQ(e.code, Errc::kUnsupportedCommand);
      EXPECT_NE(e.message().find("ROM does not support function erase_"), std::string::npos) << e.message();
    }
    EXPECT_EQ(bench_.flash(0x2000, 0x6000), a) << "a refused erase changed the flash";
    return;
  }
  run_ok(region);
  EXPECT_EQ(bench_.flash(0x2000, 0x1000), Bytes(a.begin(), a.begin() + 0x1000));
  EXPECT_EQ(bench_.flash(0x3000, 0x2000), Bytes(0x2000, 0xFF));
  EXPECT_EQ(bench_.flash(0x5000, 0x3000), Bytes(a.begin() + 0x3000, a.end()));

  SimRun erased = run_ok(whole);
  EXPECT_TRUE(has_line(erased, "Chip erase completed successfully in "));
  const auto all = bench_.device.flash().contents();
  EXPECT_TRUE(std::all_of(all.begin(), all.end(), [](uint8_t v) { return v == 0xFF; }));
}

TEST_P(CommandMatrix, WriteMemThenReadMemAndDumpMemReturnTheValue) {
  // A reset clears the simulated chip's RAM: the commands chain with --before no_reset, so each
  // reads what the previous one wrote.
  const uint32_t address = region(chip(), "DRAM").end - 0x4000;
  // --after no_reset takes a stub back to the ROM by a software reset; no_reset_stub keeps it.
  const char* stay = GetParam().stub ? "no_reset_stub" : "no_reset";
  DeviceRequest w = request("write_mem");
  w.address = address;
  w.value = 0x12345678;
  w.after = stay;
  SimRun first = run_ok(w);
  EXPECT_TRUE(has_line(first, esptool::strprintf("Wrote 12345678, mask ffffffff to %08x", address)));
  DeviceRequest masked = w;
  masked.before = "no_reset";
  masked.value = 0x0000AB00;
  masked.mask = 0x0000FF00;
  run_ok(masked);
  EXPECT_EQ(bench_.device.peek_word(address), 0x1234AB78u);

  DeviceRequest r = request("read_mem");
  r.address = address;
  r.before = "no_reset";
  r.after = stay;
  SimRun read = run_ok(r);
  EXPECT_EQ(read.report.facts.number("value"), 0x1234AB78);
  EXPECT_TRUE(has_line(read, esptool::strprintf("0x%08x = 0x1234ab78", address))) << all_lines(read);

  DeviceRequest d = request("dump_mem");
  d.address = address - 4;
  d.size = 10;
  d.before = "no_reset";
  SimRun dump = run_ok(d);
  ASSERT_EQ(dump.report.data.size(), 10u);
  EXPECT_EQ(esptool::read_le32(dump.report.data.data() + 4), 0x1234AB78u);
  EXPECT_TRUE(has_line(dump, "Read 10 bytes"));
}

TEST_P(CommandMatrix, FlashStatusWriteIsReadBack) {
  SimRun before = run_ok(request("read_flash_status"));
  EXPECT_TRUE(has_line(before, "Status value: 0x"));
  DeviceRequest w = request("write_flash_status");
  w.value = 0x0200;  // QE in SR2: harmless, and not a block-protect bit
  SimRun run = run_ok(w);
  EXPECT_TRUE(has_line(run, "Setting flash status: 0x0200"));
  EXPECT_TRUE(has_line(run, "After flash status:   0x0200")) << all_lines(run);
  EXPECT_EQ(bench_.device.flash().status() & 0xFFFF, 0x0200u);
}

// A RAM-only image made by our own elf2image (ESP32 family: --ram-only-header; ESP8266: the v1
// RAM file), loaded and started by load_ram; the words land in the chip's RAM.
TEST_P(CommandMatrix, LoadRamUploadsOurRamImageAndStartsIt) {
  const esptool::chips::ChipInfo& info = chip();
  const bool is8266 = info.is_esp8266;
  const bool xtensa = is8266 || info.key == std::string("esp32") || info.key == std::string("esp32s2") ||
                      info.key == std::string("esp32s3");
  const uint32_t iram = region(info, "IRAM").end - 0x2000;
  const uint32_t dram = region(info, "DRAM").end - 0x8000;
  const Bytes code = esptool::testing::pseudo_random_bytes(3000, 7);
  const Bytes data = esptool::testing::pseudo_random_bytes(1000, 8);
  esptool::testing::ElfBuilder elf(xtensa ? esptool::testing::kEmXtensa : esptool::testing::kEmRiscv);
  elf.entry(iram + 0x10);
  elf.add_progbits(".iram0.text", iram, esptool::testing::kShfAlloc | esptool::testing::kShfExecInstr, code);
  elf.add_progbits(".dram0.data", dram, esptool::testing::kShfAlloc | esptool::testing::kShfWrite, data);
  elf.add_load_segments_for_sections();
  esptool::image::Elf2ImageOptions opts;
  opts.chip = GetParam().chip;
  opts.ram_only_header = !is8266;
  auto made = esptool::image::elf2image(elf.build(), opts);
  ASSERT_TRUE(made.ok()) << made.error().message();
  ASSERT_FALSE(made.value().files.empty());

  DeviceRequest req = request("load_ram");
  req.image = made.value().files.front().data;
  SimRun run = run_ok(req);
  EXPECT_TRUE(has_line(run, esptool::strprintf("Downloading 3000 bytes at %08x...", iram))) << all_lines(run);
  EXPECT_TRUE(has_line(run, esptool::strprintf("All segments done, executing at %08x", iram + 0x10)));
  EXPECT_TRUE(has_line(run, "Exiting immediately."));
  settle();
  EXPECT_NE(bench_.device.mode(), hwsim::DeviceMode::kRom) << "the chip did not leave the loader";
  EXPECT_EQ(bench_.device.peek_word(iram + 8), esptool::read_le32(code.data() + 8));
  EXPECT_EQ(bench_.device.peek_word(dram + 996), esptool::read_le32(data.data() + 996));
}

TEST_P(CommandMatrix, RunLeavesTheLoaderForTheApplication) {
  DeviceRequest req = request("run");
  req.after = "no_reset";
  run_ok(req);
  settle();
  // ROM: FLASH_END(run) jumps to the app. The stub treats FLASH_END(1) as "stay", and
  // --after no_reset then takes it back to the ROM loader (esptool's soft_reset(True)); the
  // default --after hard_reset boots the app.
  EXPECT_EQ(bench_.device.mode(), GetParam().stub ? hwsim::DeviceMode::kRom : hwsim::DeviceMode::kApp);
  run_ok(request("run"));
  settle();
  EXPECT_EQ(bench_.device.mode(), hwsim::DeviceMode::kApp);
}

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  for (const char* chip : {"esp8266", "esp32", "esp32s2", "esp32s3", "esp32c2", "esp32c3", "esp32c5",
                           "esp32c6", "esp32c61", "esp32h2", "esp32p4"}) {
    cases.push_back({chip, false});
    cases.push_back({chip, true});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(ChipsRomAndStub, CommandMatrix, ::testing::ValuesIn(all_cases()), case_name);

}  // namespace
