// ops::DeviceRequest from its JSON call argument (web/types/index.d.ts DeviceRequest), field for
// field in camelCase; byte arrays come as the call's blobs. Absent keys keep the C++ defaults, so
// defaults live in core only. (The other way, for the CLI: device_request_value.h.)
#pragma once

#include "core/ops/device_command.h"
#include "wasm/c_abi.h"

namespace esptool::wasm {

// Takes the request's blobs out of `call` (each can be taken once).
ops::DeviceRequest device_request_from_json(Call& call, const JsonValue& object);

}  // namespace esptool::wasm
