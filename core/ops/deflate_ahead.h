// A write's compression done ahead, in a wait the command has anyway: connect's reset pulse
// (Link::sleep runs Session::idle_job; the host's Sleep ends at a deadline, so compressing
// inside it costs no extra time). libdeflate takes 0.13-0.17 s per MiB in wasm, which otherwise
// sits between "Configuring flash size..." and the first block (issue 10).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/base/bytes.h"
#include "core/engine/session.h"
#include "core/ops/write_flash.h"

namespace esptool::ops {

// Queues each file to be compressed in the link's next waits, one per wait, as write_flash sends
// it with the stub (padded with 0xFF to a whole word). Clears what an earlier command left.
// `by_host`: the host compresses the queued inputs (Session::to_deflate, in file order) and hands
// the streams in with provide_deflated; nothing is compressed in the waits.
void deflate_ahead(engine::Session& s, const std::vector<FlashFile>& files, bool by_host = false);

// The host's zlib stream of the queued input `index`. Taken only when it is the stream of exactly
// that input (its Adler-32 trailer matches); a stream for other bytes (a bug) or an empty one
// (the host could not compress it) ends the wait for that input, which is then compressed here.
// An index already given is ignored. Returns whether the stream was taken.
bool provide_deflated(engine::Session& s, size_t index, Bytes stream);

// The queue index of exactly `data` when the host is still compressing it (queued by
// deflate_ahead with `by_host`, not yet provided): a write waits for that stream rather than
// compress the same bytes twice. Compares whole inputs, so a write asks once and then polls
// awaiting_host_deflate.
std::optional<size_t> host_deflate_index(const engine::Session& s, std::span<const uint8_t> data);

// Whether the host's stream for queued input `index` is still to come.
bool awaiting_host_deflate(const engine::Session& s, size_t index);

// The zlib stream of `data`: the one made ahead when it was made from exactly these bytes (taken
// out of the session), else a fresh one. A region written as it was not foreseen (a bootloader
// whose header write_flash patches, the changed sectors of a skip-unchanged write, a ROM write
// padded to a sector) is compressed now.
Bytes deflate_for_write(engine::Session& s, std::span<const uint8_t> data);

// Drops the queue and unused streams.
void forget_deflated_ahead(engine::Session& s);

}  // namespace esptool::ops
