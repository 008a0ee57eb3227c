// merge_bin. The reference test replays every merge_bin case of
// tests/fixtures/reference/cases.json (what esptool v4.8.1 printed and wrote for our generated
// fixtures; see tests/fixtures/README.md) through core's merge_bin with a small argv mapping,
// comparing success, stdout lines and the output's size and SHA-256. Cases whose inputs are
// elf2image outputs of earlier cases are left to the full CLI parity test. The other tests'
// expectations were produced the same way: running `python3 -m esptool --chip C merge_bin ...`
// from an extracted v4.8.1 tree on the fixture bytes.
#include "core/image/merge_bin.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/cli/shlex.h"
#include "tests/support/fixtures.h"
#include "tests/support/ref_sha256.h"

namespace esptool::image {
namespace {

const std::string kFixtures = "{fixtures}/";

const std::map<std::string, Bytes>& fixtures() {
  static const std::map<std::string, Bytes> all = [] {
    std::map<std::string, Bytes> m;
    for (auto& f : testing::all_fixtures()) m[kFixtures + f.name] = std::move(f.bytes);
    return m;
  }();
  return all;
}

Bytes fixture(const std::string& name) { return fixtures().at(kFixtures + name); }

struct Invocation {
  MergeBinOptions opts;
  std::vector<AddressedFile> files;
  std::vector<std::string> echo;  // the "esptool.py ..." line printed after @file expansion
  bool parsed = true;             // false: esptool's argument parser would have refused it
  bool inputs_available = true;   // false: an input is an output of an earlier (elf2image) case
};

// The subset of esptool's merge_bin argument syntax the reference cases use.
Invocation map_argv(const std::vector<std::string>& raw) {
  Invocation inv;
  std::map<std::string, std::string> texts;
  for (const auto& name : cli::argument_files(raw)) {
    auto it = fixtures().find(name);
    if (it != fixtures().end()) texts[name] = std::string(it->second.begin(), it->second.end());
  }
  auto expanded = cli::expand_file_arguments(raw, texts);
  if (!expanded.ok()) return inv.parsed = false, inv;
  inv.echo = expanded->lines;
  const auto& argv = expanded->args;
  std::vector<std::string> positional;
  bool after_command = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    auto value = [&]() { return i + 1 < argv.size() ? argv[++i] : std::string(); };
    if (a == "merge_bin") {
      after_command = true;
    } else if (a == "--chip" || a == "-c") {
      inv.opts.chip = value();
    } else if (!after_command) {
      inv.parsed = false;
    } else if (a == "-o" || a == "--output") {
      inv.opts.output = value();
    } else if (a == "-f" || a == "--format") {
      inv.opts.format = value();
    } else if (a == "-fm" || a == "--flash_mode") {
      inv.opts.flash_mode = value();
    } else if (a == "-ff" || a == "--flash_freq") {
      inv.opts.flash_freq = value();
    } else if (a == "-fs" || a == "--flash_size") {
      inv.opts.flash_size = value();
    } else if (a == "-t" || a == "--target-offset") {
      auto v = parse_address(value());
      if (v.ok())
        inv.opts.target_offset = v.value();
      else
        inv.parsed = false;
    } else if (a == "--fill-flash-size") {
      auto v = parse_fill_flash_size(value());
      if (v.ok())
        inv.opts.fill_flash_size = v.value();
      else
        inv.parsed = false;
    } else if (a == "--chunk-size") {
      inv.opts.chunk_size = uint32_t(std::stoul(value(), nullptr, 0));
    } else if (a == "--md5-disable") {
      inv.opts.md5_disable = true;
    } else {
      positional.push_back(a);
    }
  }
  if (inv.opts.chip.empty()) inv.opts.chip = "auto";
  auto pairs = parse_address_pairs(positional);
  if (!pairs.ok()) return inv.parsed = false, inv;
  for (const auto& p : pairs.value()) {
    auto it = fixtures().find(p.path);
    if (it == fixtures().end()) {
      inv.inputs_available = false;
      continue;
    }
    inv.files.push_back(AddressedFile{p.address, p.path, it->second});
  }
  return inv;
}

TEST(MergeBinReference, EveryReplayableEsptoolCaseMatches) {
  std::ifstream in(std::string(ESPT_SOURCE_DIR) + "/tests/fixtures/reference/cases.json");
  const auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(doc.is_discarded());
  int replayed = 0;
  for (const auto& c : doc["cases"]) {
    const auto argv = c["argv"].get<std::vector<std::string>>();
    if (std::find(argv.begin(), argv.end(), "merge_bin") == argv.end()) continue;
    const std::string name = c["name"].get<std::string>();
    const auto& expected = c["expected"];
    Invocation inv = map_argv(argv);
    if (!inv.inputs_available) continue;
    ++replayed;
    Result<CommandOutput> out = inv.parsed
                                    ? merge_bin(inv.files, inv.opts)
                                    : Result<CommandOutput>(make_error(Errc::kBadArgument, "argv"));
    if (expected["exit_code"].get<int>() != 0) {
      EXPECT_FALSE(out.ok()) << name;
      continue;
    }
    ASSERT_TRUE(out.ok()) << name << ": " << out.error().message();
    std::vector<std::string> lines = inv.echo;
    lines.insert(lines.end(), out->lines.begin(), out->lines.end());
    EXPECT_EQ(lines, expected["stdout"].get<std::vector<std::string>>()) << name;
    ASSERT_EQ(out->files.size(), 1u) << name;
    const auto& file = expected["files"][0];
    EXPECT_EQ(out->files[0].name, file["name"].get<std::string>()) << name;
    EXPECT_EQ(out->files[0].data.size(), file["size"].get<size_t>()) << name;
    EXPECT_EQ(testing::ref_sha256_hex(out->files[0].data), file["sha256"].get<std::string>())
        << name;
    if (inv.opts.format == "raw") {  // as the CLIs ask for it: the same bytes and lines, in pieces
      MergeBinOptions in_pieces = inv.opts;
      in_pieces.output_pieces = true;
      auto pieced = merge_bin(inv.files, in_pieces);
      ASSERT_TRUE(pieced.ok()) << name;
      EXPECT_EQ(pieced->lines, out->lines) << name;
      EXPECT_TRUE(pieced->files[0].data.empty()) << name;
      EXPECT_EQ(esptool::image::output_size(pieced->files[0]), out->files[0].data.size()) << name;
      EXPECT_EQ(esptool::image::take_contents(pieced->files[0]), out->files[0].data) << name;
    }
  }
  EXPECT_GE(replayed, 30);
}

MergeBinOptions options(const char* chip, const char* format = "raw") {
  MergeBinOptions o;
  o.chip = chip;
  o.output = "out.bin";
  o.format = format;
  return o;
}

std::vector<AddressedFile> boot_and_app() {
  return {{0x10000, "app.bin", fixture("app_blob.bin")},
          {0x1000, "boot.bin", fixture("boot_esp32.bin")}};
}

TEST(MergeBin, RawGapsAreFFAndFilesLandAtTheirOffsets) {
  auto out = merge_bin(boot_and_app(), options("esp32"));
  ASSERT_TRUE(out.ok());
  const Bytes& data = out->files[0].data;
  const Bytes boot = fixture("boot_esp32.bin"), app = fixture("app_blob.bin");
  ASSERT_EQ(data.size(), 0x10000 + app.size());
  EXPECT_EQ(Bytes(data.begin(), data.begin() + 0x1000), Bytes(0x1000, 0xFF));
  EXPECT_EQ(Bytes(data.begin() + 0x1000, data.begin() + 0x1000 + boot.size()), boot);
  EXPECT_EQ(Bytes(data.begin() + 0x10000, data.end()), app);
  EXPECT_EQ(out->lines, (std::vector<std::string>{
                            "Wrote 0x11234 bytes to file out.bin, ready to flash to offset 0x0"}));
}

// The CLIs' form of a filled image: the inputs' own bytes and runs of 0xFF, nothing the size of
// the flash in memory.
TEST(MergeBin, InPiecesAFilledImageHoldsOnlyItsInputs) {
  auto opts = options("esp32");
  opts.fill_flash_size = 16 * 1024 * 1024;
  opts.output_pieces = true;
  auto out = merge_bin(boot_and_app(), opts);
  ASSERT_TRUE(out.ok()) << out.error().message();
  const auto& file = out->files[0];
  const Bytes boot = fixture("boot_esp32.bin"), app = fixture("app_blob.bin");
  ASSERT_EQ(file.parts.size(), 2u);
  EXPECT_EQ(file.parts[0].size() + file.parts[1].size(), boot.size() + app.size());
  ASSERT_EQ(file.pieces.size(), 5u);  // FF, boot, FF, app, FF up to 16 MB
  EXPECT_EQ(file.pieces.back().part, esptool::image::OutputPiece::kFillPiece);
  EXPECT_EQ(file.pieces.back().size, 16u * 1024 * 1024 - 0x10000 - app.size());
  EXPECT_EQ(esptool::image::output_size(file), 16u * 1024 * 1024);
  auto whole_opts = opts;
  whole_opts.output_pieces = false;
  auto whole = merge_bin(boot_and_app(), whole_opts);
  auto pieced = *out;
  EXPECT_EQ(esptool::image::take_contents(pieced.files[0]), whole->files[0].data);
}

TEST(MergeBin, FillSmallerThanTheContentAddsNothing) {
  auto opts = options("esp32");
  opts.fill_flash_size = 256 * 1024;
  opts.target_offset = 0x1000;
  std::vector<AddressedFile> files = {{0x1000, "big", Bytes(0x50000, 0xAB)}};
  auto out = merge_bin(files, opts);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->files[0].data.size(), 0x50000u);
}

TEST(MergeBin, ChipMustBeGivenAndKnown) {
  auto none = merge_bin(boot_and_app(), options("auto"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message(),
            "Please specify the chip argument (choose from esp8266, esp32, esp32s2, esp32s3beta2, "
            "esp32s3, esp32c3, esp32c6beta, esp32h2beta1, esp32h2beta2, esp32c2, esp32c6, "
            "esp32c61, esp32c5, esp32c5beta3, esp32h2, esp32p4)");
  auto bad = merge_bin(boot_and_app(), options("esp99"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().name(), "unknown_chip");
  EXPECT_EQ(bad.error().message().rfind("Invalid chip choice: 'esp99' (choose from esp8266, ", 0),
            0u);
}

TEST(MergeBin, FirstFileBeforeTheTargetOffsetIsRefused) {
  auto opts = options("esp32");
  opts.target_offset = 0x8000;
  auto out = merge_bin(boot_and_app(), opts);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().message(),
            "Output file target offset is 0x8000. Input file offset 0x1000 is before this.");
}

TEST(MergeBin, NoFilesIsAnError) {
  auto out = merge_bin({}, options("esp32"));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().message(), "No input files specified");
}

TEST(MergeBin, OptionValuesOutsideEsptoolsChoicesGetArgparsesWording) {
  auto opts = options("esp32", "zip");
  auto format = merge_bin(boot_and_app(), opts);
  ASSERT_FALSE(format.ok());
  EXPECT_EQ(format.error().message(),
            "argument --format/-f: invalid choice: 'zip' (choose from 'raw', 'uf2', 'hex')");
  opts = options("esp32");
  opts.flash_size = "detect";
  auto size = merge_bin(boot_and_app(), opts);
  ASSERT_FALSE(size.ok());
  EXPECT_EQ(size.error().message().rfind("argument --flash_size/-fs: invalid choice: 'detect' "
                                         "(choose from 'keep', '256KB',",
                                         0),
            0u);
  opts = options("esp32");
  opts.fill_flash_size = 3 * 1024 * 1024;
  EXPECT_FALSE(merge_bin(boot_and_app(), opts).ok());
}

TEST(MergeBin, UnsupportedFrequencyFailsOnlyWhenABootloaderIsPatched) {
  auto opts = options("esp32");
  opts.flash_freq = "60m";
  auto out = merge_bin(boot_and_app(), opts);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().message(),
            "Flash frequency '60m' is not supported by this chip type. Supported frequencies: "
            "80m, 40m, 26m, 20m");
  std::vector<AddressedFile> app_only = {{0x10000, "app.bin", fixture("app_blob.bin")}};
  EXPECT_TRUE(merge_bin(app_only, opts).ok());
}

TEST(MergeBin, HugeRawOutputIsRefusedInsteadOfAllocated) {
  std::vector<AddressedFile> files = {{0x0, "a", Bytes(16, 1)}, {0x40000000, "b", Bytes(16, 2)}};
  auto out = merge_bin(files, options("esp32"));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().name(), "image_too_big");
  EXPECT_TRUE(merge_bin(files, options("esp32", "hex")).ok());  // hex has no gap padding
}

TEST(MergeBin, HexAndUf2NeedNoPaddingAndKeepAbsoluteAddresses) {
  auto hex = merge_bin(boot_and_app(), options("esp32", "hex"));
  ASSERT_TRUE(hex.ok());
  const std::string text(hex->files[0].data.begin(), hex->files[0].data.end());
  EXPECT_EQ(text.rfind(":020000040000FA\n:10100000", 0), 0u);
  auto uf2 = merge_bin(boot_and_app(), options("esp32", "uf2"));
  ASSERT_TRUE(uf2.ok());
  EXPECT_EQ(uf2->lines.front(), "Adding boot.bin at 0x1000");
  EXPECT_EQ(uf2->files[0].data.size() % 512, 0u);
}

TEST(ParseFillFlashSize, AcceptsEsptoolsChoicesOnly) {
  EXPECT_EQ(parse_fill_flash_size("256KB").value(), 256u * 1024);
  EXPECT_EQ(parse_fill_flash_size("4MB").value(), 4u << 20);
  EXPECT_EQ(parse_fill_flash_size("128MB").value(), 128u << 20);
  for (const char* bad : {"3MB", "4mb", "", "2MB-c1", "256MB"}) {
    EXPECT_FALSE(parse_fill_flash_size(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace esptool::image
