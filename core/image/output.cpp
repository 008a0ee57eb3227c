#include "core/image/output.h"

#include <algorithm>

namespace esptool::image {

size_t output_size(const OutputFile& file) {
  if (file.pieces.empty()) return file.data.size();
  size_t n = 0;
  for (const OutputPiece& p : file.pieces) n += p.size;
  return n;
}

Bytes take_contents(OutputFile& file) {
  if (file.pieces.empty()) return std::move(file.data);
  Bytes out;
  out.reserve(output_size(file));
  for (const OutputPiece& p : file.pieces) {
    if (p.part == OutputPiece::kFillPiece) {
      out.insert(out.end(), p.size, p.fill);
    } else {
      const Bytes& part = file.parts[p.part];
      out.insert(out.end(), part.begin() + long(p.offset), part.begin() + long(p.offset + p.size));
    }
  }
  file.pieces.clear();
  file.parts.clear();
  return out;
}

}  // namespace esptool::image
