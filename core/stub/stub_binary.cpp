#include "core/stub/stub_binary.h"

#include <algorithm>

namespace esptool::stub {
namespace {

constexpr uint8_t kMagic[4] = {'E', 'S', 'T', 'B'};
constexpr uint8_t kVersion = 1;
constexpr uint8_t kHasData = 1, kHasBss = 2;
constexpr size_t kHeaderSize = 32;

Error stub_error(const std::string& what) {
  return make_error(Errc::kInvalidStub, "Invalid flasher stub: " + what,
                    "Rebuild the stubs (npm test or npm start), or use --no-stub.");
}

}  // namespace

Bytes encode_stub_binary(const StubImage& stub) {
  Bytes out(kMagic, kMagic + 4);
  out.push_back(kVersion);
  out.push_back(uint8_t((stub.data_start ? kHasData : 0) | (stub.bss_start ? kHasBss : 0)));
  out.push_back(0);
  out.push_back(0);
  for (uint32_t word :
       {stub.entry, stub.text_start, uint32_t(stub.text.size()), stub.data_start.value_or(0),
        uint32_t(stub.data.size()), stub.bss_start.value_or(0)})
    append_le32(out, word);
  append(out, stub.text);
  append(out, stub.data);
  return out;
}

Result<StubImage> decode_stub_binary(std::span<const uint8_t> bytes) {
  if (bytes.size() < kHeaderSize || !std::equal(kMagic, kMagic + 4, bytes.begin())) {
    return stub_error("not a converted stub file (no ESTB header)");
  }
  if (bytes[4] != kVersion)
    return stub_error("format version " + std::to_string(bytes[4]) + ", expected 1");
  const uint8_t flags = bytes[5];
  const uint8_t* h = bytes.data();
  const uint32_t text_size = read_le32(h + 16), data_size = read_le32(h + 24);
  if (uint64_t(kHeaderSize) + text_size + data_size != bytes.size()) {
    return stub_error("its sections do not add up to the file's " + std::to_string(bytes.size()) +
                      " bytes");
  }
  if (text_size == 0) return stub_error("the text section is empty");
  // One encoding per stub: unknown flags, reserved bytes and fields a flag leaves out are zero.
  const bool stray = (flags & ~(kHasData | kHasBss)) || h[6] || h[7] ||
                     (!(flags & kHasData) && (read_le32(h + 20) || data_size)) ||
                     (!(flags & kHasBss) && read_le32(h + 28));
  if (stray) return stub_error("its header has fields its flags do not allow");
  StubImage s;
  s.entry = read_le32(h + 8);
  s.text_start = read_le32(h + 12);
  const uint8_t* text = h + kHeaderSize;
  s.text.assign(text, text + text_size);
  if (flags & kHasData) {
    s.data_start = read_le32(h + 20);
    s.data.assign(text + text_size, text + text_size + data_size);
  }
  if (flags & kHasBss) s.bss_start = read_le32(h + 28);
  return s;
}

std::string stub_binary_name(std::string_view json_name) {
  std::string name(json_name);
  if (name.ends_with(".json")) name.resize(name.size() - 5);
  return name + ".bin";
}

}  // namespace esptool::stub
