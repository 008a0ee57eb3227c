// ops::DeviceRequest -> JS object for the CLI's Embind calls (cli_device_bindings.cpp), field for
// field in camelCase (web/types/index.d.ts DeviceRequest); the request comes back to a device
// session as JSON (device_request_json.h).
#pragma once

#include <emscripten/val.h>

#include "core/ops/device_command.h"

namespace esptool::wasm {

emscripten::val device_request_to_js(const ops::DeviceRequest& request);

}  // namespace esptool::wasm
