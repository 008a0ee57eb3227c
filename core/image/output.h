// What an offline command produces: lines for stdout (esptool's wording) and files to write.
// Core does no I/O; the CLI and the page decide where the files go.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/base/bytes.h"

namespace esptool::image {

// A stretch of an output file laid out in pieces: `size` bytes of OutputFile::parts[part] from
// `offset`, or, when `part` is kFillPiece, `size` copies of `fill`.
struct OutputPiece {
  static constexpr size_t kFillPiece = static_cast<size_t>(-1);
  size_t part = kFillPiece;
  size_t offset = 0;
  size_t size = 0;
  uint8_t fill = 0xFF;
};

struct OutputFile {
  OutputFile() = default;
  OutputFile(std::string file_name, Bytes contents)
      : name(std::move(file_name)), data(std::move(contents)) {}

  std::string name;
  Bytes data;
  // Set instead of `data` by a producer asked for pieces (merge_bin's raw format, for the CLIs):
  // the file is these pieces in order, over the bytes `parts` holds, so that a writer never
  // builds the whole image in memory (a --fill-flash-size 16MB output is mostly one run of 0xFF).
  std::vector<OutputPiece> pieces;
  std::vector<Bytes> parts;
};

// The file's length, whichever way it is held.
size_t output_size(const OutputFile& file);
// The file's contents in one buffer: `data`, or its pieces joined (moved out of `file`).
Bytes take_contents(OutputFile& file);

struct CommandOutput {
  std::vector<std::string> lines;
  std::vector<OutputFile> files;
};

}  // namespace esptool::image
