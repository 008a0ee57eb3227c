#include "core/image/file_names.h"

namespace esptool::image {

std::string path_without_extension(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const size_t base = slash == std::string::npos ? 0 : slash + 1;
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || dot < base) return path;
  // A dot that is part of the base name's leading dots does not start an extension.
  size_t first_non_dot = base;
  while (first_non_dot < path.size() && path[first_non_dot] == '.') ++first_non_dot;
  if (dot < first_non_dot) return path;
  return path.substr(0, dot);
}

}  // namespace esptool::image
