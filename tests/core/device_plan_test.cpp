// core/cli device_plan and core/ops check_request: esptool.py device command lines become a
// DeviceRequest, and every mistake that needs no device is refused before the port is opened.
#include "core/cli/device_plan.h"

#include <gtest/gtest.h>

#include "core/ops/check_request.h"

namespace esptool::cli {
namespace {

using Words = std::vector<std::string>;
const std::string kPort = "socket://127.0.0.1:5555";

ParsedCommand parsed(Words argv) {
  argv.insert(argv.begin(), {"--port", kPort});
  auto r = parse_command_line(argv);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
  return r.ok() ? r.value() : ParsedCommand{};
}

ops::DeviceRequest request_ok(const Words& argv, const InputFiles& inputs = {}) {
  auto r = device_request(parsed(argv), inputs, {});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
  return r.ok() ? r.value() : ops::DeviceRequest{};
}

Error request_error(const Words& argv, const InputFiles& inputs = {}) {
  auto r = device_request(parsed(argv), inputs, {});
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error{} : r.error();
}

TEST(DevicePlan, WriteFlashListsItsFilesAndThePort) {
  auto plan = plan_device_command(parsed({"write_flash", "0x1000", "boot.bin", "0x10000", "app.bin"}));
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->port, kPort);
  EXPECT_EQ(plan->input_paths, (Words{"boot.bin", "app.bin"}));
  EXPECT_EQ(plan->output_path, std::nullopt);
  EXPECT_FALSE(plan->no_progress);
}

TEST(DevicePlan, ReadFlashAndDumpMemNameTheirOutputFile) {
  auto read = plan_device_command(parsed({"read_flash", "-p", "0", "0x1000", "out.bin"}));
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->output_path, "out.bin");
  EXPECT_TRUE(read->no_progress);
  EXPECT_TRUE(read->input_paths.empty());
  auto dump = plan_device_command(parsed({"dump_mem", "0x3ff00000", "64", "mem.bin"}));
  ASSERT_TRUE(dump.ok());
  EXPECT_EQ(dump->output_path, "mem.bin");
}

TEST(DevicePlan, LoadRamReadsItsImage) {
  auto plan = plan_device_command(parsed({"load_ram", "ram.bin"}));
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->input_paths, Words{"ram.bin"});
}

TEST(DevicePlan, MissingPortMeansScanWithTheGivenFilters) {
  auto r = plan_device_command(
      parse_command_line({"--port-filter", "vid=0x303a", "--port-filter", "name=USB", "read_mac"}).value());
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->port, "");
  EXPECT_EQ(r->port_filter.vids, std::vector<uint32_t>{0x303A});
  EXPECT_EQ(r->port_filter.names, Words{"USB"});
  EXPECT_TRUE(r->lines.empty());  // "Serial port X" is printed per port tried
}

TEST(DevicePlan, MalformedPortFilterIsEsptoolsMessage) {
  auto r = plan_device_command(parse_command_line({"--port-filter", "vid", "read_mac"}).value());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message(), "Option --port-filter argument must consist of key=value");
  auto k = plan_device_command(parse_command_line({"--port-filter", "serial=1", "read_mac"}).value());
  EXPECT_EQ(k.error().message(), "Option --port-filter argument key not recognized");
}

TEST(DevicePlan, UnimplementedOptionsAreRefusedByName) {
  EXPECT_EQ(plan_device_command(parsed({"write_flash", "--encrypt", "0", "a.bin"})).error().message(),
            "Encrypted flashing (--encrypt, --encrypt-files) is not supported by esptool-wasm");
  EXPECT_EQ(plan_device_command(parsed({"read_flash_sfdp", "0", "4"})).error().message(),
            "read_flash_sfdp is not supported by esptool-wasm");
}

TEST(DeviceRequestFromCommandLine, GlobalOptionsAndEsptoolDefaults) {
  auto r = request_ok({"read_mac"});
  EXPECT_EQ(r.command, "read_mac");
  EXPECT_EQ(r.chip, "auto");
  EXPECT_EQ(r.before, "default_reset");
  EXPECT_EQ(r.after, "hard_reset");
  EXPECT_EQ(r.baud, 115200u);
  EXPECT_FALSE(r.no_stub);
  EXPECT_EQ(r.connect_attempts, 7);
  auto g = request_ok({"--chip", "ESP32-C3", "-b", "921600", "--before", "no_reset", "--after",
                       "no_reset_stub", "--no-stub", "--connect-attempts", "2", "chip_id"});
  EXPECT_EQ(g.chip, "esp32c3");
  EXPECT_EQ(g.baud, 921600u);
  EXPECT_EQ(g.before, "no_reset");
  EXPECT_EQ(g.after, "no_reset_stub");
  EXPECT_TRUE(g.no_stub);
  EXPECT_EQ(g.connect_attempts, 2);
}

TEST(DeviceRequestFromCommandLine, WriteFlashCarriesFilesInArgumentOrderWithTheirBytes) {
  InputFiles in{{"boot.bin", Bytes(100, 1)}, {"app.bin", Bytes(5000, 2)}};
  auto r = request_ok({"write_flash", "-fm", "dio", "--flash-size", "4MB", "-u", "0x10000",
                       "app.bin", "0x1000", "boot.bin"},
                      in);
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.files[0].offset, 0x10000u);
  EXPECT_EQ(r.files[0].name, "app.bin");
  EXPECT_EQ(r.files[0].data, Bytes(5000, 2));
  EXPECT_EQ(r.files[1].offset, 0x1000u);
  EXPECT_EQ(r.flash_mode, "dio");
  EXPECT_EQ(r.flash_freq, "keep");
  EXPECT_EQ(r.flash_size, "4MB");
  EXPECT_EQ(r.compress, false);
  EXPECT_TRUE(r.verify);
  EXPECT_FALSE(r.skip_unchanged);
}

TEST(DeviceRequestFromCommandLine, SkipUnchangedAndNoVerifyAreOurWriteFlashExtensions) {
  InputFiles in{{"a.bin", Bytes(16, 0)}};
  auto r = request_ok({"write_flash", "--skip-unchanged", "--no-verify", "0", "a.bin"}, in);
  EXPECT_TRUE(r.skip_unchanged);
  EXPECT_FALSE(r.verify);
  EXPECT_EQ(r.compress, std::nullopt);
  EXPECT_EQ(request_error({"write_flash", "--skip-unchanged", "-e", "0", "a.bin"}, in).message(),
            "--skip-unchanged cannot be combined with --erase-all");
}

TEST(DeviceRequestFromCommandLine, IntelHexInputsBecomeBinaryAsInEsptool) {
  // One data record of 4 bytes at 0x1000 (the address it is written to), then EOF.
  const std::string hex = ":0410000001020304E2\n:00000001FF\n";
  InputFiles in{{"fw.hex", Bytes(hex.begin(), hex.end())}};
  auto r = request_ok({"write_flash", "0x1000", "fw.hex"}, in);
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].data, (Bytes{1, 2, 3, 4}));
}

TEST(DeviceRequestFromCommandLine, FilesSharingASectorAreRefusedBeforeConnecting) {
  InputFiles in{{"a.bin", Bytes(0x1800, 0)}, {"b.bin", Bytes(16, 0)}};
  Error e = request_error({"write_flash", "0x0", "a.bin", "0x1000", "b.bin"}, in);
  EXPECT_EQ(e.name(), "overlap");
  EXPECT_EQ(e.message(), "Detected overlap at address: 0x1000 for file: b.bin");
}

TEST(DeviceRequestFromCommandLine, UnreadableFileIsNamed) {
  Error e = request_error({"verify_flash", "0x1000", "missing.bin"});
  EXPECT_EQ(e.message(), "File not found or not readable: 'missing.bin'");
}

TEST(DeviceRequestFromCommandLine, ReadFlashSizeAllAndNumbers) {
  auto all = request_ok({"read_flash", "0", "ALL", "out.bin"});
  EXPECT_EQ(all.size, 0xFFFFFFFFu);
  auto some = request_ok({"read_flash", "--flash_size", "detect", "0x1000", "0x2000", "out.bin"});
  EXPECT_EQ(some.address, 0x1000u);
  EXPECT_EQ(some.size, 0x2000u);
  EXPECT_EQ(some.flash_size, "detect");
  EXPECT_EQ(request_error({"read_flash", "0xFFFFF000", "0x2000", "o"}).message(),
            "Region 0xfffff000 + 0x2000 ends past the 4 GiB address space");
  EXPECT_EQ(request_error({"read_flash", "0x100000000", "16", "o"}).message(),
            "address 4294967296 is out of range (0 to 0xffffffff)");
}

TEST(DeviceRequestFromCommandLine, EraseRegionMustBeSectorAligned) {
  auto ok = request_ok({"erase_region", "0x10000", "0x2000"});
  EXPECT_EQ(ok.address, 0x10000u);
  EXPECT_EQ(ok.size, 0x2000u);
  EXPECT_EQ(request_error({"erase_region", "0x10001", "0x1000"}).message(),
            "Offset to erase from must be a multiple of 4096");
  EXPECT_EQ(request_error({"erase_region", "0x10000", "100"}).message(),
            "Size of data to erase must be a multiple of 4096");
  EXPECT_EQ(request_ok({"erase_region", "0x10000", "all"}).size, 0xFFFFFFFFu);
}

TEST(DeviceRequestFromCommandLine, MemoryCommandsTakeAddressValueAndMask) {
  auto w = request_ok({"write_mem", "0x3ff00000", "0x12", "0xff"});
  EXPECT_EQ(w.address, 0x3ff00000u);
  EXPECT_EQ(w.value, 0x12u);
  EXPECT_EQ(w.mask, 0xffu);
  EXPECT_EQ(request_ok({"write_mem", "0x3ff00000", "0x12"}).mask, 0xFFFFFFFFu);
  auto d = request_ok({"dump_mem", "0x40000000", "1024", "rom.bin"});
  EXPECT_EQ(d.size, 1024u);
  auto l = request_ok({"load_ram", "ram.bin"}, {{"ram.bin", Bytes(32, 0xE9)}});
  EXPECT_EQ(l.image, Bytes(32, 0xE9));
}

TEST(DeviceRequestFromCommandLine, FlashStatusBytesAndSpiConnection) {
  auto s = request_ok({"write_flash_status", "--non-volatile", "--bytes", "3", "0x200"});
  EXPECT_EQ(s.status_bytes, 3u);
  EXPECT_TRUE(s.non_volatile);
  EXPECT_EQ(s.value, 0x200u);
  EXPECT_EQ(request_ok({"flash_id", "-sc", "HSPI"}).spi_connection, 1u);
  EXPECT_EQ(request_ok({"flash_id"}).spi_connection, std::nullopt);
  // CLK 6, Q 17, D 8, HD 11, CS 16 (esptool's packing: HD<<24 | CS<<18 | D<<12 | Q<<6 | CLK).
  EXPECT_EQ(request_ok({"flash_id", "-sc", "6,17,8,11,16"}).spi_connection,
            (11u << 24) | (16u << 18) | (8u << 12) | (17u << 6) | 6u);
}

TEST(CheckDeviceRequest, RefusesWhatTheCommandLineCannotSayButJsCan) {
  ops::DeviceRequest r;
  r.command = "format_disk";
  EXPECT_EQ(ops::check_device_request(r).error().message(), "'format_disk' is not a device command");
  r.command = "read_mac";
  r.chip = "esp99";
  EXPECT_EQ(ops::check_device_request(r).error().name(), "unknown_chip");
  r.chip = "ESP32-S3";
  ASSERT_TRUE(ops::check_device_request(r).ok());
  EXPECT_EQ(r.chip, "esp32s3");
  r.after = "explode";
  EXPECT_EQ(ops::check_device_request(r).error().message(),
            "--after 'explode' is not one of hard_reset, soft_reset, no_reset, no_reset_stub");
  r.after = "hard_reset";
  r.command = "write_flash";
  EXPECT_EQ(ops::check_device_request(r).error().message(),
            "Must be pairs of an address and the binary filename to write there");
  r.files.push_back({0, Bytes(4, 0), "a.bin"});
  r.flash_mode = "fast";
  EXPECT_EQ(ops::check_device_request(r).error().message(),
            "--flash_mode 'fast' is not one of keep, qio, qout, dio, dout");
}

}  // namespace
}  // namespace esptool::cli

namespace esptool::ops {
namespace {

TEST(InitialBaud, RomRateUnlessLowerOrNotSyncing) {
  DeviceRequest r;
  r.baud = 921600;
  EXPECT_EQ(initial_baud(r), 115200u);
  r.baud = 9600;
  EXPECT_EQ(initial_baud(r), 9600u);
  r.baud = 921600;
  r.before = "no_reset_no_sync";
  EXPECT_EQ(initial_baud(r), 921600u);
}

}  // namespace
}  // namespace esptool::ops
