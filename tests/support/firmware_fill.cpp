// Firmware-like filler. Not a model of any real ISA: it only reproduces the statistics that
// matter to deflate and to throughput measurements (repeated short patterns, varied operands,
// aligned 32-bit constants, text). All choices come from one xorshift32 stream, so the output
// depends only on (n, base, seed).
#include "tests/support/firmware_fill.h"

#include <string>

namespace esptool::testing {
namespace {

class Rng {
 public:
  explicit Rng(uint32_t seed) : x_(seed ? seed : 0x9E3779B9u) {}
  uint32_t next() {
    x_ ^= x_ << 13;
    x_ ^= x_ >> 17;
    x_ ^= x_ << 5;
    return x_;
  }
  uint32_t below(uint32_t n) { return next() % n; }
  // Skewed towards 0: the smaller of two uniform picks (a few opcodes dominate real code).
  uint32_t skewed(uint32_t n) {
    const uint32_t a = below(n), b = below(n);
    return a < b ? a : b;
  }

 private:
  uint32_t x_;
};

void put_le32(Bytes& out, uint32_t v) { append_le32(out, v); }

// A "function": prologue, a body of 3-byte instructions drawn from a vocabulary with varied
// operand bytes, an epilogue, then a small literal pool of aligned addresses and constants.
void emit_function(Bytes& out, Rng& rng, const Bytes& vocab, uint32_t base) {
  static const uint8_t kPrologue[] = {0x36, 0x41, 0x00};  // entry-like
  static const uint8_t kEpilogue[] = {0x1D, 0xF0};        // return-like
  out.insert(out.end(), kPrologue, kPrologue + 3);
  const uint32_t body = 8 + rng.below(120);
  for (uint32_t i = 0; i < body; ++i) {
    const uint32_t k = rng.skewed(uint32_t(vocab.size() / 3));
    out.insert(out.end(), vocab.begin() + 3 * k, vocab.begin() + 3 * k + 3);
    if (rng.below(8) == 0) out.back() = uint8_t(rng.next());  // a fresh operand or offset
  }
  out.insert(out.end(), kEpilogue, kEpilogue + 2);
  while (out.size() % 4 != 0) out.push_back(0);
  const uint32_t pool = rng.below(6);
  for (uint32_t i = 0; i < pool; ++i) {
    put_le32(out, rng.below(3) ? base + (rng.below(0x40000) & ~3u) : rng.next() >> rng.below(24));
  }
}

const char* const kWords[] = {"error",   "failed",  "init",   "wifi",  "task",    "queue",
                              "timeout", "invalid", "buffer", "event", "handler", "config",
                              "nvs",     "spi",     "flash",  "gpio",  "uart",    "%d",
                              "%s",      "0x%08x",  "ok",     "state", "connect", "partition"};

void emit_string(Bytes& out, Rng& rng) {
  const uint32_t words = 2 + rng.below(7);
  for (uint32_t i = 0; i < words; ++i) {
    const std::string w = kWords[rng.skewed(sizeof(kWords) / sizeof(kWords[0]))];
    out.insert(out.end(), w.begin(), w.end());
    out.push_back(i + 1 < words ? ' ' : '\0');
  }
  while (out.size() % 4 != 0) out.push_back(0);
}

}  // namespace

Bytes firmware_code_bytes(size_t n, uint32_t base, uint32_t seed) {
  Rng rng(seed);
  Bytes vocab(3 * 192);
  for (uint8_t& b : vocab) b = uint8_t(rng.next() >> 8);
  Bytes out;
  out.reserve(n + 1024);
  while (out.size() < n) emit_function(out, rng, vocab, base);
  out.resize(n);
  return out;
}

Bytes firmware_rodata_bytes(size_t n, uint32_t base, uint32_t seed) {
  Rng rng(seed);
  Bytes out;
  out.reserve(n + 1024);
  while (out.size() < n) {
    switch (rng.below(8)) {
      case 0:
      case 1:
      case 2:
        emit_string(out, rng);
        break;
      case 3:
      case 4: {  // a table of pointers into rodata or code
        const uint32_t count = 2 + rng.below(14);
        for (uint32_t i = 0; i < count; ++i) put_le32(out, base + (rng.below(0x100000) & ~3u));
        break;
      }
      case 5:  // zero-initialised const arrays and alignment gaps
        out.resize(out.size() + 4 * (1 + rng.skewed(32)), 0);
        break;
      default: {  // lookup tables, keys, float constants: little structure
        const uint32_t count = 1 + rng.below(16);
        for (uint32_t i = 0; i < count; ++i) put_le32(out, rng.next());
        break;
      }
    }
  }
  out.resize(n);
  return out;
}

}  // namespace esptool::testing
