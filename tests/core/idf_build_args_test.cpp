// ESP-IDF flash_args / flasher_args.json. Inputs follow the shapes ESP-IDF's esptool_py templates
// write (web-formats.md §2); the flash_args words were checked against esptool v4.8.1's `@file`
// expansion (`merge_bin -o out @flash_args` prints the expanded command line).
#include "core/image/idf_build_args.h"

#include <gtest/gtest.h>

namespace esptool::image {
namespace {

TEST(ParseFlashArgs, FirstLineOptionsThenOffsetPathLinesInFileOrder) {
  auto r = parse_flash_args(
      "--flash_mode dio --flash_freq 40m --flash_size 2MB\n"
      "0x1000 bootloader/bootloader.bin\n"
      "0x10000 hello_world.bin\n"
      "0x8000 partition_table/partition-table.bin\n");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->flash_mode, "dio");
  EXPECT_EQ(r->flash_freq, "40m");
  EXPECT_EQ(r->flash_size, "2MB");
  EXPECT_FALSE(r->chip);
  ASSERT_EQ(r->files.size(), 3u);
  EXPECT_EQ(r->files[0].offset, 0x1000u);
  EXPECT_EQ(r->files[0].path, "bootloader/bootloader.bin");
  EXPECT_EQ(r->files[1].offset, 0x10000u);
  EXPECT_EQ(r->files[2].path, "partition_table/partition-table.bin");
}

TEST(ParseFlashArgs, DashedShortAndEqualsSpellingsAreAccepted) {
  auto r =
      parse_flash_args("--flash-mode dout -ff 80m --flash-size=4MB --chip esp32c3\n0x0 b.bin\n");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->flash_mode, "dout");
  EXPECT_EQ(r->flash_freq, "80m");
  EXPECT_EQ(r->flash_size, "4MB");
  EXPECT_EQ(r->chip, "esp32c3");
}

TEST(ParseFlashArgs, EmptyOptionLineAndWriteFlashFlagsAreFine) {
  auto r = parse_flash_args("\n--encrypt\n0x10000 \"my app.bin\"\r\n");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_FALSE(r->flash_mode);
  ASSERT_EQ(r->files.size(), 1u);
  EXPECT_EQ(r->files[0].path, "my app.bin");
}

TEST(ParseFlashArgs, BadInputGivesOneClearError) {
  const std::pair<const char*, const char*> cases[] = {
      {"--flash_mode\n", "flash_args: option --flash_mode needs a value"},
      {"--baud 115200\n0x0 a.bin\n", "flash_args: unsupported option '--baud'"},
      {"0x1000 a.bin\n0x8000\n",
       "flash_args: Must be pairs of an address and the binary filename to write there"},
      {"boot a.bin\n", "flash_args: Address \"boot\" must be a number"},
      {"--flash_mode dio\n", "flash_args: no `offset path` line found"},
      {"0x0 \"a.bin\n", "flash_args: No closing quotation"},
  };
  for (const auto& [text, message] : cases) {
    auto r = parse_flash_args(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().message(), message) << text;
  }
}

const char* kFlasherArgs = R"({
    "write_flash_args" : [ "--flash_mode", "dio", "--flash_size", "2MB", "--flash_freq", "40m" ],
    "flash_settings" : { "flash_mode": "dio", "flash_size": "2MB", "flash_freq": "40m" },
    "flash_files" : {
        "0x1000" : "bootloader/bootloader.bin",
        "0x10000" : "hello_world.bin",
        "0x8000" : "partition_table/partition-table.bin"
    },
    "bootloader" : { "offset" : "0x1000", "file" : "bootloader/bootloader.bin", "encrypted" : "false" },
    "app" : { "offset" : "0x10000", "file" : "hello_world.bin", "encrypted" : "false" },
    "partition-table" : { "offset" : "0x8000", "file" : "partition_table/partition-table.bin", "encrypted" : "false" },
    "extra_esptool_args" : { "after" : "hard_reset", "before" : "default_reset", "stub" : true, "chip" : "esp32" }
})";

TEST(ParseFlasherArgsJson, ReadsSettingsChipAndFlashFilesInKeyOrder) {
  auto r = parse_flasher_args_json(kFlasherArgs);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->chip, "esp32");
  EXPECT_EQ(r->flash_mode, "dio");
  EXPECT_EQ(r->flash_freq, "40m");
  EXPECT_EQ(r->flash_size, "2MB");
  ASSERT_EQ(r->files.size(), 3u);
  EXPECT_EQ(r->files[0].offset, 0x1000u);
  EXPECT_EQ(r->files[1].offset, 0x10000u);
  EXPECT_EQ(r->files[2].offset, 0x8000u);
  EXPECT_EQ(r->files[2].path, "partition_table/partition-table.bin");
}

TEST(ParseFlasherArgsJson, FallsBackToWriteFlashArgsAndPerImageEntries) {
  auto r = parse_flasher_args_json(R"({
    "write_flash_args" : [ "--flash-mode", "qio", "--flash-size", "4MB", "--flash-freq", "80m" ],
    "bootloader" : { "offset" : "0x0", "file" : "bootloader/bootloader.bin", "encrypted" : "false" },
    "app" : { "offset" : "0x10000", "file" : "app.bin", "encrypted" : "false" },
    "extra-esptool-args" : { "chip" : "esp32s3" }
  })");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->flash_mode, "qio");
  EXPECT_EQ(r->flash_size, "4MB");
  EXPECT_EQ(r->flash_freq, "80m");
  EXPECT_EQ(r->chip, "esp32s3");
  ASSERT_EQ(r->files.size(), 2u);
  EXPECT_EQ(r->files[1].path, "app.bin");
}

TEST(ParseFlasherArgsJson, DashedSettingKeysAreAccepted) {
  auto r = parse_flasher_args_json(
      R"({"flash-settings": {"flash-mode": "dout"}, "flash-files": {"0x0": "b.bin"}})");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->flash_mode, "dout");
  EXPECT_FALSE(r->flash_size);
  EXPECT_FALSE(r->chip);
}

TEST(ParseFlasherArgsJson, BadJsonOrWrongTypesAreErrorsNotCrashes) {
  const std::pair<const char*, const char*> cases[] = {
      {"{", "flasher_args.json: not valid JSON"},
      {"[1]", "flasher_args.json: not a JSON object"},
      {R"({"flash_files": []})", "flasher_args.json: flash_files is not an object"},
      {R"({"flash_files": {"0x0": 5}})", "flasher_args.json: flash_files[\"0x0\"] is not a string"},
      {R"({"flash_files": {"zero": "a.bin"}})",
       "flasher_args.json: Address \"zero\" must be a number"},
      {R"({"flash_settings": {"flash_mode": 1}, "flash_files": {"0x0": "a"}})",
       "flasher_args.json: flash_mode is not a string"},
      {R"({"write_flash_args": [1], "flash_files": {"0x0": "a"}})",
       "flasher_args.json: write_flash_args holds a value that is not a string"},
      {R"({"extra_esptool_args": {"chip": false}, "flash_files": {"0x0": "a"}})",
       "flasher_args.json: chip is not a string"},
      {R"({"flash_files": {}})", "flasher_args.json: no flash_files listed"},
  };
  for (const auto& [text, message] : cases) {
    auto r = parse_flasher_args_json(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().message(), message) << text;
  }
}

TEST(ParseIdfBuildArgs, PicksTheFormatFromTheFirstCharacter) {
  auto json = parse_idf_build_args(std::string("\n  ") + kFlasherArgs);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json->chip, "esp32");
  auto text = parse_idf_build_args("0x0 a.bin\n");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->files.size(), 1u);
}

}  // namespace
}  // namespace esptool::image
