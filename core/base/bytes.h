// Little-endian reads and writes over byte buffers. Bounds are the caller's duty: readers check
// sizes before calling (ESPT_CHECK guards the invariant).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/base/check.h"
#include "core/base/format.h"  // strprintf: most code that handles bytes also prints them

namespace esptool {

using Bytes = std::vector<uint8_t>;

inline uint16_t read_le16(const uint8_t* p) { return uint16_t(p[0] | (p[1] << 8)); }
inline uint32_t read_le32(const uint8_t* p) {
  return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}
inline void write_le16(uint8_t* p, uint16_t v) {
  p[0] = uint8_t(v);
  p[1] = uint8_t(v >> 8);
}
inline void write_le32(uint8_t* p, uint32_t v) {
  p[0] = uint8_t(v);
  p[1] = uint8_t(v >> 8);
  p[2] = uint8_t(v >> 16);
  p[3] = uint8_t(v >> 24);
}
inline void append_le16(Bytes& out, uint16_t v) {
  out.push_back(uint8_t(v));
  out.push_back(uint8_t(v >> 8));
}
inline void append_le32(Bytes& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(uint8_t(v >> (8 * i)));
}
// Byte copies go through raw pointers: libc++ 14 copies through vector and span iterators
// (__wrap_iter) one element at a time, and at -Os, where nothing is inlined, that is a call per
// byte (11 of merge_bin's 22 ms on a 4 MB app in wasm). From pointers it takes its memcpy path.
inline void append(Bytes& out, std::span<const uint8_t> tail) {
  out.insert(out.end(), tail.data(), tail.data() + tail.size());
}
inline Bytes copy_bytes(std::span<const uint8_t> from) {
  return Bytes(from.data(), from.data() + from.size());
}

inline uint32_t align_up(uint32_t v, uint32_t a) { return (v + a - 1) / a * a; }

// printf's "%.<decimals>f" of `value` (rounded half to even on its exact binary value, as printf
// and Python do) for |value| < 2^53 and decimals <= 3, without printf's floating-point code: the
// page's device module then links none of it (issue 10: about 3 KB raw).
std::string fixed_point(double value, int decimals);
std::string to_hex(const uint8_t* p, size_t n);
inline std::string to_hex(const Bytes& b) { return to_hex(b.data(), b.size()); }

}  // namespace esptool
