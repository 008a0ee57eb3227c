#include "core/base/error.h"

#include <utility>

namespace esptool {

std::string Error::name() const {
  if (!name_text.empty()) return name_text;
  switch (code) {
    case Errc::kOk: return "ok";
    case Errc::kTimeout: return "timeout";
    case Errc::kNoSync: return "no_sync";
    case Errc::kBadFrame: return "bad_frame";
    case Errc::kUnexpectedReply: return "unexpected_reply";
    case Errc::kDigestMismatch: return "digest_mismatch";
    case Errc::kChipMismatch: return "chip_mismatch";
    case Errc::kImageTooBig: return "image_too_big";
    case Errc::kBadArgument: return "bad_argument";
    case Errc::kCancelled: return "cancelled";
    case Errc::kPortLost: return "port_lost";
    case Errc::kNoPort: return "no_port";
    case Errc::kPortBusy: return "port_busy";
    case Errc::kPermissionDenied: return "permission_denied";
    case Errc::kPortInterrupted: return "port_interrupted";
    case Errc::kInvalidElf: return "invalid_elf";
    case Errc::kInvalidImage: return "invalid_image";
    case Errc::kOverlap: return "overlap";
    case Errc::kUnknownChip: return "unknown_chip";
    case Errc::kInvalidJson: return "invalid_json";
    case Errc::kFileNotFound: return "file_not_found";
    case Errc::kUnsupportedCommand: return "unsupported_command";
    case Errc::kInvalidStub: return "invalid_stub";
    case Errc::kInternal: return "internal";
  }
  return "device";
}

Error make_error(Errc code, std::string detail, std::string hint) {
  return Error{code, std::move(detail), std::move(hint), {}};
}

Error make_error(Errc code, const char* detail, const char* hint) {
  return Error{code, detail, hint, {}};
}

Error make_device_error(uint16_t code, std::string name, std::string detail, std::string hint) {
  return Error{Errc(code), std::move(detail), std::move(hint), std::move(name)};
}

}  // namespace esptool
