// ImageInfo -> the plain JS object imageInfo() returns (web/types/index.d.ts ImageInfo), as JSON.
#pragma once

#include "core/image/image_info.h"
#include "wasm/c_abi.h"

namespace esptool::wasm {

void write_image_info(JsonWriter& w, const image::ImageInfo& info,
                      const image::ImageInfoOptions& opts);

}  // namespace esptool::wasm
