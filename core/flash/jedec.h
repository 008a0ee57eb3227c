// SPI flash JEDEC id (RDID 0x9F read through the SPI registers, serial-protocol.md §11): size
// lookup (cmds.py DETECTED_FLASH_SIZES @v4.8.1), esptool's flash_id lines and the XMC check.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace esptool::flash {

// Size name ("4MB") for a flash id read as esptool reads it (byte0 manufacturer, byte1 type,
// byte2 capacity, top byte 0), keyed like detect_flash_size by `flash_id >> 16`; nullptr when
// unknown (`detect` then falls back to 4MB with a warning).
const char* flash_size_from_jedec(uint32_t flash_id);
// Bytes of a size name from flash_size_from_jedec ("256KB" -> 262144); nullopt if not a size.
std::optional<uint32_t> flash_size_bytes(const std::string& name);
// detect_flash_id's lines: "Manufacturer: c8\nDevice: 4016\nDetected flash size: 4MB\n"
// ("Unknown" size when the capacity byte is not in the table).
std::string flash_id_text(uint32_t flash_id);
// esptool's is_xmc_chip_strict: vendor 0x20 with a known XMC type/capacity pair.
bool is_xmc_chip_strict(uint32_t flash_id);

}  // namespace esptool::flash
