// --flash-file load and atomic save.
#include "hw-sim/server/flash_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace hwsim::server {

bool load_flash_file(const std::string& path, Bytes* image, std::string* error) {
  image->clear();
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    if (errno == ENOENT) return true;
    *error = "cannot open flash file " + path + ": " + std::strerror(errno);
    return false;
  }
  uint8_t buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) image->insert(image->end(), buf, buf + n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) *error = "cannot read flash file " + path;
  return !failed;
}

bool save_flash_file(const std::string& path, std::span<const uint8_t> image, std::string* error) {
  const std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) {
    *error = "cannot write flash file " + tmp + ": " + std::strerror(errno);
    return false;
  }
  const bool written = std::fwrite(image.data(), 1, image.size(), f) == image.size();
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed || std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = "cannot write flash file " + path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace hwsim::server
