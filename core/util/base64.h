// Base64 decoding (RFC 4648 standard alphabet, padding optional, whitespace ignored).
#pragma once

#include <string_view>

#include "core/base/bytes.h"
#include "core/base/result.h"

namespace esptool::util {

Result<Bytes> base64_decode(std::string_view text);

}  // namespace esptool::util
