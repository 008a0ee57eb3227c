#include "core/util/inflate_count.h"

#include <zlib.h>

#include "core/base/check.h"

namespace esptool::util {

struct InflateCounter::State {
  z_stream z{};
  unsigned char scratch[16384];
};

InflateCounter::InflateCounter() : state_(std::make_unique<State>()) {
  ESPT_CHECK(inflateInit(&state_->z) == Z_OK, "zlib inflateInit failed");
}

InflateCounter::~InflateCounter() { inflateEnd(&state_->z); }

uint64_t InflateCounter::push(std::span<const uint8_t> compressed) {
  z_stream& z = state_->z;
  z.next_in = const_cast<Bytef*>(compressed.data());
  z.avail_in = uInt(compressed.size());
  while (!stopped_ && z.avail_in > 0) {
    z.next_out = state_->scratch;
    z.avail_out = sizeof(state_->scratch);
    const int rc = inflate(&z, Z_NO_FLUSH);
    total_ += sizeof(state_->scratch) - z.avail_out;
    if (rc != Z_OK) stopped_ = true;  // Z_STREAM_END, or an error: nothing more to count
  }
  // Output still held back by zlib for lack of space is drained on the next call or here.
  while (!stopped_) {
    z.next_out = state_->scratch;
    z.avail_out = sizeof(state_->scratch);
    const int rc = inflate(&z, Z_NO_FLUSH);
    const size_t produced = sizeof(state_->scratch) - z.avail_out;
    total_ += produced;
    if (rc == Z_STREAM_END || (rc != Z_OK && rc != Z_BUF_ERROR)) stopped_ = true;
    if (produced == 0) break;
  }
  return total_;
}

}  // namespace esptool::util
