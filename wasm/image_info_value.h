// ImageInfo -> the plain JS object imageInfo() returns (web/types/index.d.ts ImageInfo).
#pragma once

#include <emscripten/val.h>

#include "core/image/image_info.h"

namespace esptool::wasm {

emscripten::val image_info_value(const image::ImageInfo& info, const image::ImageInfoOptions& opts);

}  // namespace esptool::wasm
