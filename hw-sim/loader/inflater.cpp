// Inflater over zlib's inflate(): bounded output per step, zlib header and Adler-32 checked.
#include "hw-sim/loader/inflater.h"

#include <zlib.h>

#include <cstring>

namespace hwsim {

struct Inflater::State {
  z_stream stream;
  bool initialised = false;
};

Inflater::Inflater() : state_(std::make_unique<State>()) { reset(); }

Inflater::~Inflater() {
  if (state_->initialised) inflateEnd(&state_->stream);
}

void Inflater::reset() {
  if (state_->initialised) inflateEnd(&state_->stream);
  std::memset(&state_->stream, 0, sizeof(state_->stream));
  state_->initialised = inflateInit(&state_->stream) == Z_OK;  // zlib header, Adler-32 checked
  done_ = false;
  failed_ = !state_->initialised;
}

Inflater::Step Inflater::step(std::span<const uint8_t> input, std::span<uint8_t> out) {
  Step result;
  if (failed_) {
    result.status = Status::kError;
    return result;
  }
  if (done_) {
    result.status = Status::kDone;
    return result;
  }
  z_stream& s = state_->stream;
  s.next_in = const_cast<Bytef*>(input.data());
  s.avail_in = static_cast<uInt>(input.size());
  s.next_out = out.data();
  s.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&s, Z_NO_FLUSH);
  result.consumed = input.size() - s.avail_in;
  result.produced = out.size() - s.avail_out;
  if (rc == Z_STREAM_END) {
    done_ = true;
    result.status = Status::kDone;
  } else if (rc == Z_OK || (rc == Z_BUF_ERROR && (input.empty() || out.empty()))) {
    result.status = Status::kNeedsMore;
  } else {
    failed_ = true;
    result.status = Status::kError;
  }
  return result;
}

}  // namespace hwsim
