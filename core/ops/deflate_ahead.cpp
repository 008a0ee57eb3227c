#include "core/ops/deflate_ahead.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "core/util/strong_deflate.h"

namespace esptool::ops {

namespace {

// Session::idle_job: one file per wait, the first queued first.
void deflate_next(engine::Session& s) {
  Bytes input = std::move(s.to_deflate.front());
  s.to_deflate.erase(s.to_deflate.begin());
  if (s.to_deflate.empty()) s.idle_job = nullptr;
  Bytes stream = util::strong_deflate(input);
  s.deflated_ahead.emplace_back(std::move(input), std::move(stream));
}

bool same_bytes(std::span<const uint8_t> a, std::span<const uint8_t> b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

void deflate_ahead(engine::Session& s, const std::vector<FlashFile>& files, bool by_host) {
  forget_deflated_ahead(s);
  for (const FlashFile& f : files) {
    Bytes input = f.data;  // a copy: the request may be gone before the link waits
    input.resize(align_up(uint32_t(input.size()), 4), 0xFF);
    s.to_deflate.push_back(std::move(input));
  }
  if (!s.to_deflate.empty() && !by_host) s.idle_job = deflate_next;
}

bool provide_deflated(engine::Session& s, size_t index, Bytes stream) {
  // The idle job takes inputs off the front, so indices hold only while the host compresses.
  if (s.idle_job != nullptr || index >= s.to_deflate.size()) return false;
  Bytes& input = s.to_deflate[index];
  if (input.empty()) return false;
  const bool taken = util::is_zlib_stream_of(stream, input);
  if (taken) s.deflated_ahead.emplace_back(std::move(input), std::move(stream));
  input = Bytes();  // given (or given up): a second stream for this index is ignored
  return taken;
}

std::optional<size_t> host_deflate_index(const engine::Session& s, std::span<const uint8_t> data) {
  if (s.idle_job != nullptr) return std::nullopt;
  for (size_t i = 0; i < s.to_deflate.size(); ++i) {
    if (!s.to_deflate[i].empty() && same_bytes(s.to_deflate[i], data)) return i;
  }
  return std::nullopt;
}

bool awaiting_host_deflate(const engine::Session& s, size_t index) {
  return s.idle_job == nullptr && index < s.to_deflate.size() && !s.to_deflate[index].empty();
}

Bytes deflate_for_write(engine::Session& s, std::span<const uint8_t> data) {
  auto& made = s.deflated_ahead;
  const auto it = std::find_if(made.begin(), made.end(),
                               [&](const auto& entry) { return same_bytes(entry.first, data); });
  if (it == made.end()) return util::strong_deflate(data);
  Bytes stream = std::move(it->second);
  made.erase(it);
  return stream;
}

void forget_deflated_ahead(engine::Session& s) {
  s.idle_job = nullptr;
  s.to_deflate.clear();
  s.deflated_ahead.clear();
}

}  // namespace esptool::ops
