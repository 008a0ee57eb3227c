// A second, test-side SHA-256 (FIPS 180-4) so fixtures and the parity harness do not depend on
// core/util/sha256 (a bug there must not cancel out in the comparison).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/base/bytes.h"

namespace esptool::testing {

Bytes ref_sha256(std::span<const uint8_t> data);
std::string ref_sha256_hex(std::span<const uint8_t> data);

}  // namespace esptool::testing
