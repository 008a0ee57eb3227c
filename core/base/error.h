// The one error type of the project: a stable code (esptool's 16-bit numbering), a stable dotted
// name for JS and tests, and a one-sentence message. No exceptions anywhere.
#pragma once

#include <cstdint>
#include <string>

namespace esptool {

// 0x00xx: host side. 0x01xx: ROM loader (0x0100 | error byte). Stub: status byte << 8.
enum class Errc : uint16_t {
  kOk = 0x0000,
  kTimeout = 0x0001,
  kNoSync = 0x0002,
  kBadFrame = 0x0003,
  kUnexpectedReply = 0x0004,
  kDigestMismatch = 0x0005,
  kChipMismatch = 0x0006,
  kImageTooBig = 0x0007,
  kBadArgument = 0x0008,
  kCancelled = 0x0009,
  kPortLost = 0x000A,
  // Opening a port (Web Serial, a local port): none chosen or found, held by another program,
  // not allowed to this user.
  kNoPort = 0x000B,
  kPortBusy = 0x000C,
  kPermissionDenied = 0x000D,
  // The port went away mid-command and is being looked for again (an unplugged cable, a board
  // that re-enumerated): what was in flight is lost. A line error: recovery reconnects.
  kPortInterrupted = 0x000E,
  kInvalidElf = 0x0010,
  kInvalidImage = 0x0011,
  kOverlap = 0x0012,
  kUnknownChip = 0x0013,
  kInvalidJson = 0x0014,
  kFileNotFound = 0x0015,
  kUnsupportedCommand = 0x0016,
  kInvalidStub = 0x0017,
  kInternal = 0x00FF,
};

struct Error {
  Errc code = Errc::kInternal;
  std::string detail;  // the one-sentence message, without trailing period handling
  std::string hint_text;
  std::string name_text;  // set for device codes ("rom.checksum_error"); host codes derive it

  // One sentence naming what failed and why.
  const std::string& message() const { return detail; }
  // What to try; may be empty.
  const std::string& hint() const { return hint_text; }
  // Stable dotted name, e.g. "invalid_elf"; JS and tests match on it.
  std::string name() const;
};

Error make_error(Errc code, std::string detail, std::string hint = {});
// The same for fixed texts: the strings are made here, not at each of the many call sites.
Error make_error(Errc code, const char* detail, const char* hint = "");
// An error reported by the device: `code` in esptool's numbering, `name` dotted.
Error make_device_error(uint16_t code, std::string name, std::string detail, std::string hint = {});

}  // namespace esptool
