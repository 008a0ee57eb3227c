// ESP-IDF's build outputs for flashing tools (web-formats.md §2): `build/flash_args` (text,
// esptool `@file` syntax) and `build/flasher_args.json`, read into one description of what goes
// where. Paths stay as written (relative to the build directory); the caller loads them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace esptool::image {

struct IdfFlashFile {
  uint32_t offset;
  std::string path;
};

struct IdfBuildArgs {
  std::optional<std::string> chip;  // extra_esptool_args.chip, or --chip/-c in flash_args
  std::optional<std::string> flash_mode, flash_freq, flash_size;  // as written: "dio", "40m", "2MB"
  std::vector<IdfFlashFile> files;  // in the file's order (IDF does not sort them)
};

// flash_args text: every line split like an esptool `@file` line; --flash_mode/--flash-mode/-fm,
// --flash_freq/--flash-freq/-ff, --flash_size/--flash-size/-fs (also `--opt=value`) and
// --chip/-c are taken, write_flash's on/off flags (--encrypt, -z, ...) are skipped, the other
// words are `offset path` pairs. Errors (kBadArgument): unknown option, option without a value,
// bad offset, odd pair count, no file at all.
Result<IdfBuildArgs> parse_flash_args(std::string_view text);

// flasher_args.json: flash_files ({"0x1000": "bootloader/bootloader.bin", ...}, key order kept;
// if absent, the per-image {"offset", "file"} entries), flash_settings (else write_flash_args),
// extra_esptool_args.chip; dashed and underscored names both accepted. Errors: kInvalidJson for
// text that is not a JSON object or fields of the wrong type; kBadArgument for a bad offset or no
// file at all.
Result<IdfBuildArgs> parse_flasher_args_json(std::string_view text);

// Either of the two: JSON when the first non-blank character is '{'.
Result<IdfBuildArgs> parse_idf_build_args(std::string_view text);

}  // namespace esptool::image
