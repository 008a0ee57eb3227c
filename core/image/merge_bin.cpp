// merge_bin (image-format.md §7; esptool v4.8.1 cmds.py merge_bin and the argument checks of
// esptool/__init__.py). Output bytes and stdout lines match esptool's; see tests/core.
#include "core/image/merge_bin.h"

#include <algorithm>

#include "core/chips/chip.h"
#include "core/image/flash_params.h"
#include "core/image/intel_hex.h"
#include "core/image/uf2.h"

namespace esptool::image {
namespace {

// esptool/__init__.py add_spi_flash_subparsers (allow_keep=True) and merge_bin's own choices.
const char* const kModes[] = {"keep", "qio", "qout", "dio", "dout"};
const char* const kFreqs[] = {"keep", "80m", "60m", "48m", "40m", "30m",
                              "26m",  "24m", "20m", "16m", "15m", "12m"};
const char* const kSizes[] = {"keep",   "256KB", "512KB", "1MB",  "2MB",  "2MB-c1", "4MB",
                              "4MB-c1", "8MB",   "16MB",  "32MB", "64MB", "128MB"};
const char* const kFillSizes[] = {"256KB", "512KB", "1MB",  "2MB",  "4MB",
                                  "8MB",   "16MB",  "32MB", "64MB", "128MB"};
const char* const kFormats[] = {"raw", "uf2", "hex"};

const char* const kHexSingleFileWarning =
    "WARNING: Only one input file specified, output may include additional padding if input "
    "file was previously merged. Please refer to the documentation for more information: "
    "https://docs.espressif.com/projects/esptool/en/latest/esptool/"
    "basic-commands.html#hex-output-format";

// argparse's wording for a value outside `choices` (Python 3.11).
template <size_t N>
Status check_choice(const std::string& value, const char* const (&choices)[N], const char* arg) {
  std::string list;
  for (const char* c : choices) {
    if (value == c) return Status::Ok();
    list += std::string(list.empty() ? "" : ", ") + "'" + c + "'";
  }
  return make_error(Errc::kBadArgument, std::string("argument ") + arg + ": invalid choice: '" +
                                            value + "' (choose from " + list + ")");
}

// esptool/util.py flash_size_bytes: "4MB" -> 4 MiB, "256KB" -> 256 KiB.
uint32_t size_bytes(std::string_view size) {
  const bool mb = size.find("MB") != std::string_view::npos;
  uint32_t n = 0;
  for (char c : size) {
    if (c < '0' || c > '9') break;
    n = n * 10 + uint32_t(c - '0');
  }
  return n * (mb ? 1024u * 1024u : 1024u);
}

Status check_options(const MergeBinOptions& opts) {
  ESPT_TRY(check_choice(opts.format, kFormats, "--format/-f"));
  ESPT_TRY(check_choice(opts.flash_freq, kFreqs, "--flash_freq/-ff"));
  ESPT_TRY(check_choice(opts.flash_mode, kModes, "--flash_mode/-fm"));
  ESPT_TRY(check_choice(opts.flash_size, kSizes, "--flash_size/-fs"));
  if (opts.fill_flash_size) {
    bool known = false;
    for (const char* s : kFillSizes) known = known || size_bytes(s) == *opts.fill_flash_size;
    if (!known) {
      return make_error(Errc::kBadArgument,
                        strprintf("--fill-flash-size of %u bytes is not a flash size (256KB to "
                                  "128MB, powers of two)",
                                  *opts.fill_flash_size));
    }
  }
  if (opts.chunk_size && *opts.chunk_size % 4 != 0) {  // argparse type check, any format
    return make_error(Errc::kBadArgument,
                      "argument --chunk-size: Chunk size should be a 4-byte aligned number");
  }
  if (opts.output.empty()) {
    return make_error(Errc::kBadArgument, "the following arguments are required: --output/-o");
  }
  return Status::Ok();
}

Result<const chips::ChipInfo*> merge_chip(const std::string& key) {
  const chips::ChipInfo* chip = key == "auto" ? nullptr : chips::find_chip(key);
  if (chip) return chip;
  std::string list;
  for (const chips::ChipInfo* c : chips::all_chips())
    list += std::string(list.empty() ? "" : ", ") + c->key;
  if (key == "auto" || key.empty()) {
    return make_error(Errc::kBadArgument,
                      "Please specify the chip argument (choose from " + list + ")");
  }
  return make_error(Errc::kUnknownChip,
                    "Invalid chip choice: '" + key + "' (choose from " + list + ")");
}

std::string wrote_line(size_t size, const std::string& output, const char* tail) {
  return strprintf("Wrote 0x%zx bytes to file %s, %s", size, output.c_str(), tail);
}

// The raw image as pieces: each file in address order, 0xFF runs before it and after the last
// (--fill-flash-size); the files' bytes move into the output's parts, none is copied.
Result<OutputFile> merge_raw(std::vector<AddressedFile>& files, const chips::ChipInfo& chip,
                             const MergeBinOptions& opts, const FlashParamsRequest& req,
                             std::vector<std::string>& lines) {
  uint64_t total = 0;
  for (const auto& f : files) total = std::max(total, uint64_t(f.address) + f.data.size());
  if (opts.fill_flash_size) total = std::max<uint64_t>(total, *opts.fill_flash_size);
  if (total - opts.target_offset > kMaxMergedBytes) {
    return make_error(Errc::kImageTooBig,
                      strprintf("The merged image would be 0x%llx bytes; more than %llu MiB is "
                                "refused",
                                static_cast<unsigned long long>(total - opts.target_offset),
                                static_cast<unsigned long long>(kMaxMergedBytes >> 20)),
                      "Check the addresses and --target-offset.");
  }
  OutputFile out(opts.output, {});
  size_t size = 0;
  // Pads with 0xFF up to flash offset `to`; a target already passed adds nothing (esptool).
  auto pad_to = [&](uint64_t to) {
    if (to <= opts.target_offset + size) return;
    const size_t run = size_t(to - opts.target_offset) - size;
    out.pieces.push_back({OutputPiece::kFillPiece, 0, run, 0xFF});
    size += run;
  };
  for (auto& f : files) {
    pad_to(f.address);
    ESPT_TRY(update_image_flash_params(f.data, f.address, chip, req, lines));
    if (f.data.empty()) continue;
    out.pieces.push_back({out.parts.size(), 0, f.data.size(), 0});
    size += f.data.size();
    out.parts.push_back(std::move(f.data));
  }
  if (opts.fill_flash_size) pad_to(*opts.fill_flash_size);
  lines.push_back(wrote_line(
      size, opts.output, strprintf("ready to flash to offset 0x%x", opts.target_offset).c_str()));
  if (!opts.output_pieces) out.data = take_contents(out);
  return out;
}

Result<Bytes> merge_hex(std::vector<AddressedFile>& files, const chips::ChipInfo& chip,
                        const MergeBinOptions& opts, const FlashParamsRequest& req,
                        std::vector<std::string>& lines) {
  if (files.size() == 1) lines.push_back(kHexSingleFileWarning);
  std::vector<HexSegment> segments;
  for (auto& f : files) {
    ESPT_TRY(update_image_flash_params(f.data, f.address, chip, req, lines));
    segments.push_back(HexSegment{f.address, std::move(f.data)});
  }
  ESPT_ASSIGN(out, write_intel_hex(segments));
  lines.push_back(
      wrote_line(out.size(), opts.output,
                 strprintf("ready to flash to offset 0x%x", opts.target_offset).c_str()));
  return out;
}

Result<Bytes> merge_uf2(std::vector<AddressedFile>& files, const chips::ChipInfo& chip,
                        const MergeBinOptions& opts, const FlashParamsRequest& req,
                        std::vector<std::string>& lines) {
  const Uf2Options uf2{
      .family_id = chip.uf2_family_id, .chunk_size = opts.chunk_size, .md5 = !opts.md5_disable};
  ESPT_TRY(uf2_chunk_size(uf2));
  Bytes out;
  for (auto& f : files) {
    lines.push_back(strprintf("Adding %s at 0x%x", f.name.c_str(), f.address));
    ESPT_TRY(update_image_flash_params(f.data, f.address, chip, req, lines));
    ESPT_TRY(uf2_append_file(out, f.address, f.data, uf2));
  }
  lines.push_back(
      wrote_line(out.size(), opts.output, "ready to be flashed with any ESP USB Bridge"));
  return out;
}

}  // namespace

Result<uint32_t> parse_fill_flash_size(std::string_view size) {
  ESPT_TRY(check_choice(std::string(size), kFillSizes, "--fill-flash-size"));
  return size_bytes(size);
}

Result<CommandOutput> merge_bin(std::vector<AddressedFile> files, const MergeBinOptions& opts) {
  // esptool's order: argument parsing (choices, pairs, HEX inputs, overlap), then merge_bin.
  ESPT_TRY(check_options(opts));
  ESPT_TRY(prepare_address_files(files));
  ESPT_ASSIGN(chip, merge_chip(opts.chip));
  std::stable_sort(files.begin(), files.end(), [](const AddressedFile& a, const AddressedFile& b) {
    return a.address < b.address;
  });
  if (files.empty()) return make_error(Errc::kBadArgument, "No input files specified");
  if (files.front().address < opts.target_offset) {
    return make_error(Errc::kBadArgument,
                      strprintf("Output file target offset is 0x%x. Input file offset 0x%x is "
                                "before this.",
                                opts.target_offset, files.front().address));
  }
  const FlashParamsRequest req{opts.flash_mode, opts.flash_freq, opts.flash_size};
  CommandOutput result;
  if (opts.format != "uf2" && opts.format != "hex") {
    ESPT_ASSIGN(raw, merge_raw(files, *chip, opts, req, result.lines));
    result.files.push_back(std::move(raw));
    return result;
  }
  Result<Bytes> data = opts.format == "uf2" ? merge_uf2(files, *chip, opts, req, result.lines)
                                            : merge_hex(files, *chip, opts, req, result.lines);
  if (!data.ok()) return data.error();
  result.files.emplace_back(opts.output, std::move(data).value());
  return result;
}

}  // namespace esptool::image
