// Deterministic pseudo-random numbers for fault injection and line garbling: SplitMix64, seeded
// by --seed, so a failing run is reproduced by its seed on any platform (no std::random engines,
// whose distributions differ between libstdc++ and libc++).
#pragma once

#include <cstdint>

namespace hwsim {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t next_u64() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint8_t next_byte() { return static_cast<uint8_t>(next_u64() >> 56); }
  // Uniform in [0, 1).
  double next_unit() { return static_cast<double>(next_u64() >> 11) * (1.0 / 9007199254740992.0); }
  // True with probability p (p <= 0 never, p >= 1 always).
  bool chance(double p) { return p > 0.0 && next_unit() < p; }
  uint32_t below(uint32_t n) { return n == 0 ? 0 : static_cast<uint32_t>(next_u64() % n); }

 private:
  uint64_t state_;
};

}  // namespace hwsim
