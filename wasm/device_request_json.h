// ops::DeviceRequest from its JSON call argument (web/types/index.d.ts DeviceRequest), field for
// field in camelCase; byte arrays come as the call's blobs. Absent keys keep the C++ defaults, so
// defaults live in core only. The other way, for the CLI, from the same field tables.
#pragma once

#include "core/ops/device_command.h"
#include "wasm/c_abi.h"

namespace esptool::wasm {

// Takes the request's blobs out of `call` (each can be taken once).
ops::DeviceRequest device_request_from_json(Call& call, const JsonValue& object);

// Writes `request` as device_request_from_json reads it, its bytes as the call's blobs.
void write_device_request(Call& call, ops::DeviceRequest request);

}  // namespace esptool::wasm
