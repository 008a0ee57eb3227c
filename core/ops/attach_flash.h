// Makes the SPI flash usable for the ROM loader (serial-protocol.md §8): SPI_ATTACH with the
// default pins (or the ESP32's eFuse-configured pads, which its ROM does not attach by itself).
// The stub attaches on start, so with it nothing is sent unless pins are given explicitly.
#pragma once

#include <optional>

#include "core/engine/link.h"

namespace esptool::ops {

engine::Task<Status> attach_flash(engine::Link& link, std::optional<uint32_t> spi_connection);

}  // namespace esptool::ops
