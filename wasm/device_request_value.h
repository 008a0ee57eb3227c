// ops::DeviceRequest <-> JS object, field for field in camelCase (web/types/index.d.ts
// DeviceRequest). Absent JS keys keep the C++ defaults, so defaults live in core only.
#pragma once

#include <emscripten/val.h>

#include "core/ops/device_command.h"

namespace esptool::wasm {

ops::DeviceRequest device_request_from_js(const emscripten::val& object);
emscripten::val device_request_to_js(const ops::DeviceRequest& request);

}  // namespace esptool::wasm
