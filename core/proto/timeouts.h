// Per-command timeouts as esptool v4.8.1 sets them (serial-protocol.md §15), in milliseconds.
#pragma once

#include <algorithm>
#include <cstdint>

namespace esptool::proto {

inline constexpr double kDefaultTimeoutMs = 3000;       // DEFAULT_TIMEOUT
inline constexpr double kChipEraseTimeoutMs = 120000;   // chip_erase_timeout
inline constexpr double kMaxTimeoutMs = 240000;         // max_timeout clamp
inline constexpr double kSyncTimeoutMs = 100;           // sync_timeout (first SYNC reply)
inline constexpr double kMd5TimeoutPerMbMs = 8000;      // md5_timeout_per_mb
inline constexpr double kEraseRegionTimeoutPerMbMs = 30000;  // erase_region_timeout_per_mb
inline constexpr double kEraseWriteTimeoutPerMbMs = 40000;   // erase_write_timeout_per_mb
inline constexpr double kMemEndRomTimeoutMs = 200;      // mem_end_rom_timeout

// timeout_per_mb(s, n) = max(3 s, s * n / 1e6) -- decimal megabytes -- clamped to max_timeout.
inline double timeout_per_mb(double ms_per_mb, uint64_t size_bytes) {
  return std::min(kMaxTimeoutMs, std::max(kDefaultTimeoutMs, ms_per_mb * double(size_bytes) / 1e6));
}

}  // namespace esptool::proto
