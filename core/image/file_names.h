// Python os.path.splitext semantics for default output names.
#pragma once

#include <string>

namespace esptool::image {

// "build/app.elf" -> "build/app"; leading dots of the base name are not an extension.
std::string path_without_extension(const std::string& path);

}  // namespace esptool::image
