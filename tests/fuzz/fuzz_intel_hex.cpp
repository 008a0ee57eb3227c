// libFuzzer target: any bytes through the Intel HEX reader (with and without a start address);
// whatever parses must write back and re-read to the same segments.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/base/check.h"
#include "core/image/intel_hex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace esptool::image;
  std::span<const uint8_t> bytes(data, size);
  (void)intel_hex_to_bin(bytes);
  (void)intel_hex_to_bin(bytes, size >= 4 ? uint32_t(data[0] | data[1] << 8) : 0u);
  auto segments = parse_intel_hex(bytes);
  if (!segments.ok()) return 0;
  auto text = write_intel_hex(segments.value());
  ESPT_CHECK(text.ok(), "parsed segments must be writable");
  auto again = parse_intel_hex(text.value());
  ESPT_CHECK(again.ok(), "written Intel HEX must parse");
  ESPT_CHECK(again->size() == segments->size(), "round trip keeps the segment count");
  for (size_t i = 0; i < again->size(); ++i) {
    ESPT_CHECK((*again)[i].address == (*segments)[i].address, "round trip keeps addresses");
    ESPT_CHECK((*again)[i].data == (*segments)[i].data, "round trip keeps data");
  }
  return 0;
}
