// libFuzzer target: the converted stub files come from the page's server or a user
// (core/stub/stub_binary.h). decode_stub_binary on arbitrary bytes must fail cleanly, and what it
// accepts must encode back to the very same bytes (one form per stub, nothing dropped).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "core/stub/stub_binary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> input(data, size);
  auto stub = esptool::stub::decode_stub_binary(input);
  if (stub.ok()) {
    const esptool::Bytes again = esptool::stub::encode_stub_binary(stub.value());
    if (!std::equal(again.begin(), again.end(), input.begin(), input.end())) std::abort();
  }
  return 0;
}
