#include "core/util/deflate.h"

#include <zlib.h>

#include <algorithm>

#include "core/base/check.h"

namespace esptool::util {

struct StreamingDeflate::State {
  z_stream z{};
};

StreamingDeflate::StreamingDeflate(int level) : state_(std::make_unique<State>()) {
  const int rc = deflateInit(&state_->z, level);
  ESPT_CHECK(rc == Z_OK, "deflateInit failed (out of memory)");
}

StreamingDeflate::~StreamingDeflate() { deflateEnd(&state_->z); }

void StreamingDeflate::run(std::span<const uint8_t> input, int flush) {
  z_stream& z = state_->z;
  z.next_in = const_cast<Bytef*>(input.data());
  z.avail_in = uInt(input.size());
  uint8_t chunk[16384];
  int rc;
  do {
    z.next_out = chunk;
    z.avail_out = sizeof(chunk);
    rc = deflate(&z, flush);
    ESPT_CHECK(rc != Z_STREAM_ERROR, "deflate stream error");
    const size_t produced = sizeof(chunk) - z.avail_out;
    out_.insert(out_.end(), chunk, chunk + produced);
    total_out_ += produced;
    if (produced > 0) checkpoints_.emplace_back(total_out_, total_in_ + (input.size() - z.avail_in));
  } while (z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
  total_in_ += input.size();
}

void StreamingDeflate::push(std::span<const uint8_t> input) {
  ESPT_CHECK(!finished_, "push after finish");
  // zlib's avail_in is 32-bit; feed huge inputs in slices.
  constexpr size_t kSlice = size_t(1) << 30;
  for (size_t at = 0; at < input.size(); at += kSlice) {
    run(input.subspan(at, std::min(kSlice, input.size() - at)), Z_NO_FLUSH);
  }
}

void StreamingDeflate::finish() {
  if (finished_) return;
  run({}, Z_FINISH);
  finished_ = true;
}

Bytes StreamingDeflate::take(size_t max) {
  const size_t n = std::min(max, available());
  Bytes out(out_.begin() + taken_, out_.begin() + taken_ + n);
  taken_ += n;
  if (taken_ > (1u << 20) && taken_ * 2 > out_.size()) {  // keep the buffer from growing forever
    out_.erase(out_.begin(), out_.begin() + taken_);
    taken_ = 0;
  }
  return out;
}

uint64_t StreamingDeflate::input_behind(uint64_t out_bytes) const {
  const auto at = std::lower_bound(checkpoints_.begin(), checkpoints_.end(), std::make_pair(out_bytes, uint64_t(0)));
  if (at == checkpoints_.end()) return total_in_;
  // Between two checkpoints, in proportion: smoother than the steps zlib's output comes in.
  const auto [out_before, in_before] = at == checkpoints_.begin() ? std::make_pair(uint64_t(0), uint64_t(0)) : *(at - 1);
  return in_before + (at->second - in_before) * (out_bytes - out_before) / (at->first - out_before);
}

uint64_t StreamingDeflate::bound(uint64_t size) { return deflateBound(nullptr, uLong(size)); }

Bytes deflate_all(std::span<const uint8_t> input, int level) {
  StreamingDeflate d(level);
  d.push(input);
  d.finish();
  return d.take();
}

Bytes inflate_all(std::span<const uint8_t> input, size_t expected_size) {
  Bytes out(expected_size);
  uLongf len = uLongf(expected_size);
  const int rc = uncompress(out.data(), &len, input.data(), uLong(input.size()));
  if (rc != Z_OK) return {};
  out.resize(len);
  return out;
}

}  // namespace esptool::util
