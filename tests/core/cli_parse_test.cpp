// core/cli parse_command_line: esptool.py v4.8.1's argparse behaviour. Expected messages were
// checked against CPython 3.11's argparse with the same argument declarations.
#include "core/cli/parse.h"

#include <gtest/gtest.h>

#include "core/cli/values.h"
#include "core/util/py_int.h"

namespace esptool::cli {
namespace {

using Words = std::vector<std::string>;

ParsedCommand parse_ok(const Words& argv, const Environment& env = {}) {
  auto r = parse_command_line(argv, env);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
  return r.ok() ? r.value() : ParsedCommand{};
}

std::string parse_error(const Words& argv) {
  auto r = parse_command_line(argv);
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.error().name(), "bad_argument");
  return r.error().message();
}

TEST(ParseCommandLine, GlobalOptionsBeforeTheCommandAreKeptForLaterDeviceCommands) {
  auto p = parse_ok({"--chip", "ESP32-C3", "-b", "921600", "-p", "socket://127.0.0.1:5555",
                     "--before", "no_reset", "--no-stub", "--trace", "--connect-attempts", "3",
                     "--port-filter", "vid=0x303a", "--port-filter", "name=USB", "read_mac"});
  EXPECT_EQ(p.command, "read_mac");
  EXPECT_FALSE(p.is_offline);
  EXPECT_EQ(p.chip(), "esp32c3");
  EXPECT_EQ(p.global.at("baud"), Words{"921600"});
  EXPECT_EQ(p.global.at("port"), Words{"socket://127.0.0.1:5555"});
  EXPECT_EQ(p.global.at("before"), Words{"no_reset"});
  EXPECT_EQ(p.global.at("after"), Words{"hard_reset"});
  EXPECT_EQ(p.global.at("no_stub"), Words{"1"});
  EXPECT_EQ(p.global.at("trace"), Words{"1"});
  EXPECT_EQ(p.global.at("connect_attempts"), Words{"3"});
  EXPECT_EQ(p.global.at("port_filter"), (Words{"vid=0x303a", "name=USB"}));
}

TEST(ParseCommandLine, Elf2ImageDefaultsMatchEsptool) {
  auto p = parse_ok({"elf2image", "app.elf"});
  EXPECT_EQ(p.command, "elf2image");
  EXPECT_TRUE(p.is_offline);
  EXPECT_EQ(p.chip(), "auto");
  EXPECT_EQ(p.get("input"), "app.elf");
  EXPECT_EQ(p.get("flash_mode"), "qio");
  EXPECT_EQ(p.get("flash_size"), "1MB");
  EXPECT_EQ(p.get("flash_freq"), std::nullopt);
  EXPECT_EQ(p.get("version"), "1");
  EXPECT_EQ(p.get_int("min_rev"), 0);
  EXPECT_EQ(p.get_int("max_rev_full"), 65535);
  EXPECT_FALSE(p.flag("use_segments"));
  EXPECT_EQ(p.get("output"), std::nullopt);
  EXPECT_EQ(p.input_paths(), Words{"app.elf"});
}

TEST(ParseCommandLine, LongOptionsAcceptUnderscoreAndDashSpellingsAndEqualsValues) {
  for (const Words& spelling : {Words{"--flash_mode", "dio"}, Words{"--flash-mode", "dio"},
                                Words{"-fm", "dio"}, Words{"--flash_mode=dio"},
                                Words{"--flash-mode=dio"}, Words{"-fm=dio"}, Words{"--flash_m", "dio"}}) {
    Words argv{"elf2image"};
    argv.insert(argv.end(), spelling.begin(), spelling.end());
    argv.push_back("a.elf");
    EXPECT_EQ(parse_ok(argv).get("flash_mode"), "dio") << spelling[0];
  }
  EXPECT_EQ(parse_ok({"elf2image", "--use-segments", "a.elf"}).flag("use_segments"), true);
  EXPECT_EQ(parse_ok({"elf2image", "--min_rev_full", "3", "a.elf"}).get_int("min_rev_full"), 3);
}

TEST(ParseCommandLine, ShortOptionsTakeTheNextWordOrAnAttachedValue) {
  EXPECT_EQ(parse_ok({"elf2image", "-o", "out.bin", "a.elf"}).get("output"), "out.bin");
  EXPECT_EQ(parse_ok({"elf2image", "-oout.bin", "a.elf"}).get("output"), "out.bin");
  EXPECT_EQ(parse_ok({"elf2image", "a.elf", "--output=x.bin"}).get("output"), "x.bin");
  // merge_bin has -f (--format), so "-fuf2" is -f uf2 there.
  EXPECT_EQ(parse_ok({"--chip", "esp32", "merge_bin", "-o", "m", "-fuf2", "0", "a"}).get("format"),
            "uf2");
}

TEST(ParseCommandLine, InvalidChoiceNamesTheOptionAndListsTheChoices) {
  EXPECT_EQ(parse_error({"elf2image", "--flash_mode", "x", "a.elf"}),
            "esptool elf2image: error: argument --flash_mode/-fm: invalid choice: 'x' (choose "
            "from 'qio', 'qout', 'dio', 'dout')");
  EXPECT_EQ(parse_error({"merge_bin", "-o", "m", "--flash-freq", "99m", "0", "a"}),
            "esptool merge_bin: error: argument --flash_freq/-ff: invalid choice: '99m' (choose "
            "from 'keep', '80m', '60m', '48m', '40m', '30m', '26m', '24m', '20m', '16m', '15m', "
            "'12m')");
  EXPECT_EQ(parse_error({"read_flash_status", "--bytes", "4"}),
            "esptool read_flash_status: error: argument --bytes: invalid choice: 4 (choose from "
            "1, 2, 3)");
  EXPECT_EQ(parse_error({"elf2image", "-r", "300", "a.elf"}),
            "esptool elf2image: error: argument --min-rev/-r: invalid choice: 300 (choose from 0, "
            "..., 255)");
  const std::string chip = parse_error({"--chip", "esp99", "version"});
  EXPECT_EQ(chip.rfind("esptool: error: argument --chip/-c: invalid choice: 'esp99' (choose "
                       "from 'auto', 'esp8266', 'esp32', ",
                       0),
            0u)
      << chip;
}

TEST(ParseCommandLine, TypeErrorsUseArgparseWording) {
  EXPECT_EQ(parse_error({"merge_bin", "-o", "m", "--target-offset", "zz", "0", "a"}),
            "esptool merge_bin: error: argument --target-offset/-t: invalid arg_auto_int value: "
            "'zz'");
  EXPECT_EQ(parse_error({"elf2image", "--min-rev-full", "0x10", "a.elf"}),
            "esptool elf2image: error: argument --min-rev-full: invalid int value: '0x10'");
  EXPECT_EQ(parse_error({"merge_bin", "-o", "m", "--chunk-size", "6", "0", "a"}),
            "esptool merge_bin: error: argument --chunk-size: Chunk size should be a 4-byte "
            "aligned number");
  EXPECT_EQ(parse_error({"flash_id", "--spi-connection", "1,2,3"}),
            "esptool flash_id: error: argument --spi-connection/-sc: 1,2,3 is not a valid list of "
            "comma-separate pin numbers. Must be 5 numbers - CLK,Q,D,HD,CS.");
}

TEST(ParseCommandLine, MissingArgumentsAreListedTogether) {
  EXPECT_EQ(parse_error({"merge_bin"}),
            "esptool merge_bin: error: the following arguments are required: --output/-o, "
            "<address> <filename>");
  EXPECT_EQ(parse_error({"elf2image"}),
            "esptool elf2image: error: the following arguments are required: input");
  EXPECT_EQ(parse_error({"elf2image", "a.elf", "-o"}),
            "esptool elf2image: error: argument --output/-o: expected one argument");
}

TEST(ParseCommandLine, AddressFilePairsAreCheckedAndParsedWithBasePrefixes) {
  auto p = parse_ok({"--chip", "esp32", "merge_bin", "-o", "m.bin", "0x1000", "boot.bin", "32768",
                     "pt.bin", "0x10000", "app.bin"});
  auto files = p.address_files();
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].address, 0x1000u);
  EXPECT_EQ(files[1].address, 0x8000u);
  EXPECT_EQ(files[2].path, "app.bin");
  EXPECT_EQ(p.input_paths(), (Words{"boot.bin", "pt.bin", "app.bin"}));
  EXPECT_EQ(parse_error({"merge_bin", "-o", "m", "0x1000", "a", "0x2000"}),
            "esptool merge_bin: error: argument <address> <filename>: Must be pairs of an address "
            "and the binary filename to write there");
  EXPECT_EQ(parse_error({"merge_bin", "-o", "m", "boot", "a"}),
            "esptool merge_bin: error: argument <address> <filename>: Address \"boot\" must be a "
            "number");
}

TEST(ParseCommandLine, PositionalsSplitByOptionsLeaveUnrecognizedWords) {
  EXPECT_EQ(parse_error({"merge_bin", "-o", "m", "0", "a", "--flash_mode", "qio", "1", "b"}),
            "esptool: error: unrecognized arguments: 1 b");
  EXPECT_EQ(parse_error({"merge_bin", "-o", "m", "0", "a", "-c", "esp32"}),
            "esptool: error: unrecognized arguments: -c esp32");
  EXPECT_EQ(parse_error({"elf2image", "-fmdio", "a.elf"}),
            "esptool: error: unrecognized arguments: -fmdio");
}

TEST(ParseCommandLine, AmbiguousPrefixesAreRefused) {
  EXPECT_EQ(parse_error({"merge_bin", "-o", "m", "--fl", "x", "0", "a"}),
            "esptool merge_bin: error: ambiguous option: --fl could match --flash_freq, "
            "--flash_mode, --flash_size");
  EXPECT_EQ(parse_error({"elf2image", "-f", "x", "a.elf"}),
            "esptool elf2image: error: ambiguous option: -f could match -ff, -fm, -fs");
}

TEST(ParseCommandLine, UnknownOrMissingCommandIsAnError) {
  const std::string unknown = parse_error({"flash_all"});
  EXPECT_EQ(unknown.rfind("esptool: error: argument operation: invalid choice: 'flash_all' "
                          "(choose from 'load_ram', 'dump_mem', ",
                          0),
            0u)
      << unknown;
  EXPECT_EQ(parse_error({"--chip", "esp32"}).rfind("esptool: error: a command is required", 0), 0u);
}

TEST(ParseCommandLine, EnvironmentOverridesDefaultsButNotArguments) {
  Environment env{{"ESPTOOL_CHIP", "esp32s3"}, {"ESPTOOL_FM", "dio"}, {"ESPTOOL_BAUD", "0x1C200"}};
  auto p = parse_ok({"merge_bin", "-o", "m", "0", "a"}, env);
  EXPECT_EQ(p.chip(), "esp32s3");
  EXPECT_EQ(p.get("flash_mode"), "dio");
  EXPECT_EQ(p.global.at("baud"), Words{"115200"});
  EXPECT_EQ(parse_ok({"-c", "esp32", "merge_bin", "-fm", "qio", "-o", "m", "0", "a"}, env).chip(),
            "esp32");
}

TEST(ParseCommandLine, MutuallyExclusiveCompressOptionsAreRefused) {
  EXPECT_EQ(parse_error({"write_flash", "-z", "-u", "0", "a"}),
            "esptool write_flash: error: argument --no-compress/-u: not allowed with argument "
            "--compress/-z");
}

TEST(ParseCommandLine, DeviceCommandPositionalsAndDefaults) {
  auto w = parse_ok({"write_mem", "0x400C0000", "5"});
  EXPECT_EQ(w.get_int("address"), 0x400C0000);
  EXPECT_EQ(w.get_int("mask"), 0xFFFFFFFF);
  auto r = parse_ok({"read_flash", "0", "ALL", "dump.bin"});
  EXPECT_EQ(r.get("size"), "all");
  EXPECT_EQ(r.get("flash_size"), "keep");
  auto wf = parse_ok({"write_flash", "--encrypt-files", "0x1000", "e.bin", "--", "0x0", "b.bin"});
  EXPECT_EQ(wf.input_paths(), (Words{"b.bin", "e.bin"}));
}

TEST(ParseCommandLine, MakeImageCollectsRepeatedSegmentOptions) {
  auto p = parse_ok({"make_image", "-f", "a.bin", "-a", "0x40100000", "--segfile", "b.bin",
                     "--segaddr", "0x3FFE8000", "-e", "0x40100004", "out"});
  EXPECT_EQ(p.get("output"), "out");
  EXPECT_EQ(p.list("segfile"), (Words{"a.bin", "b.bin"}));
  EXPECT_EQ(p.list("segaddr"), (Words{"1074790400", "1073643520"}));
  EXPECT_EQ(p.get_int("entrypoint"), 0x40100004);
  EXPECT_EQ(p.input_paths(), (Words{"a.bin", "b.bin"}));
}

TEST(ParseCommandLine, HelpAnywhereGivesHelpText) {
  auto top = parse_ok({"-h"});
  EXPECT_EQ(top.command, "help");
  ASSERT_FALSE(top.help.empty());
  EXPECT_EQ(top.help[0].rfind("usage: esptool", 0), 0u);
  auto sub = parse_ok({"merge_bin", "--help"});
  EXPECT_EQ(sub.command, "help");
  EXPECT_EQ(sub.help[0].rfind("usage: esptool merge_bin", 0), 0u);
}

TEST(PythonInt, AutoBaseFollowsPythonIntRules) {
  EXPECT_EQ(util::parse_auto_int("0x10"), 16);
  EXPECT_EQ(util::parse_auto_int("0X1f"), 31);
  EXPECT_EQ(util::parse_auto_int("0o17"), 15);
  EXPECT_EQ(util::parse_auto_int("0b101"), 5);
  EXPECT_EQ(util::parse_auto_int(" 42 "), 42);
  EXPECT_EQ(util::parse_auto_int("1_000"), 1000);
  EXPECT_EQ(util::parse_auto_int("0x_1f"), 31);
  EXPECT_EQ(util::parse_auto_int("-5"), -5);
  EXPECT_EQ(util::parse_auto_int("0"), 0);
  EXPECT_EQ(util::parse_auto_int("00"), 0);
  EXPECT_EQ(util::parse_auto_int("010"), std::nullopt);
  EXPECT_EQ(util::parse_auto_int("0x"), std::nullopt);
  EXPECT_EQ(util::parse_auto_int("1__0"), std::nullopt);
  EXPECT_EQ(util::parse_auto_int("1e3"), std::nullopt);
  EXPECT_EQ(util::parse_auto_int(""), std::nullopt);
  EXPECT_EQ(util::parse_decimal_int("010"), 10);
  EXPECT_EQ(util::parse_decimal_int("0x10"), std::nullopt);
}

TEST(PythonInt, FlashSizeBytesTakesMegabytesAndKilobytesOnly) {
  EXPECT_EQ(flash_size_bytes("4MB").value(), 4u << 20);
  EXPECT_EQ(flash_size_bytes("512KB").value(), 512u << 10);
  EXPECT_EQ(flash_size_bytes("2MB-c1").value(), 2u << 20);
  auto bad = flash_size_bytes("0x1000");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message(), "Unknown size 0x1000");
}

}  // namespace
}  // namespace esptool::cli
