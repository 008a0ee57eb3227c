#include "core/flash/jedec.h"

#include "core/base/bytes.h"

namespace esptool::flash {

namespace {

struct SizeEntry {
  uint8_t capacity;
  const char* name;
};

// cmds.py DETECTED_FLASH_SIZES (serial-protocol.md §11): the 0x3x rows are GigaDevice-style
// encodings, 0x20-0x22 Micron's.
constexpr SizeEntry kSizes[] = {{0x12, "256KB"}, {0x13, "512KB"}, {0x14, "1MB"},   {0x15, "2MB"},
                                {0x16, "4MB"},   {0x17, "8MB"},   {0x18, "16MB"},  {0x19, "32MB"},
                                {0x1A, "64MB"},  {0x1B, "128MB"}, {0x1C, "256MB"}, {0x20, "64MB"},
                                {0x21, "128MB"}, {0x22, "256MB"}, {0x32, "256KB"}, {0x33, "512KB"},
                                {0x34, "1MB"},   {0x35, "2MB"},   {0x36, "4MB"},   {0x37, "8MB"},
                                {0x38, "16MB"},  {0x39, "32MB"},  {0x3A, "64MB"}};

const char* size_for_capacity(uint32_t key) {
  for (const SizeEntry& e : kSizes)
    if (e.capacity == key) return e.name;
  return nullptr;
}

}  // namespace

const char* flash_size_from_jedec(uint32_t flash_id) { return size_for_capacity(flash_id >> 16); }

std::optional<uint32_t> flash_size_bytes(const std::string& name) {
  // util.py flash_size_bytes: "<n>MB" or "<n>KB".
  const size_t unit = name.size() >= 2 ? name.size() - 2 : 0;
  if (name.size() < 3) return std::nullopt;
  uint32_t n = 0;
  for (size_t i = 0; i < unit; ++i) {
    if (name[i] < '0' || name[i] > '9') return std::nullopt;
    n = n * 10 + uint32_t(name[i] - '0');
  }
  if (name.compare(unit, 2, "MB") == 0) return n * 1024 * 1024;
  if (name.compare(unit, 2, "KB") == 0) return n * 1024;
  return std::nullopt;
}

std::string flash_id_text(uint32_t flash_id) {
  const uint32_t capacity = (flash_id >> 16) & 0xFF;
  const char* size = size_for_capacity(capacity);
  return strprintf("Manufacturer: %02x\nDevice: %02x%02x\nDetected flash size: %s\n",
                   unsigned(flash_id & 0xFF), unsigned((flash_id >> 8) & 0xFF), unsigned(capacity),
                   size ? size : "Unknown");
}

bool is_xmc_chip_strict(uint32_t flash_id) {
  constexpr uint32_t kXmcVendor = 0x20;
  const uint32_t vendor = flash_id & 0xFF, type = (flash_id >> 8) & 0xFF,
                 capacity = (flash_id >> 16) & 0xFF;
  if (vendor != kXmcVendor) return false;
  if (type == 0x40) return capacity >= 0x13 && capacity <= 0x20;
  if (type == 0x41) return capacity >= 0x17 && capacity <= 0x20;
  if (type == 0x50) return capacity >= 0x15 && capacity <= 0x16;
  return false;
}

}  // namespace esptool::flash
