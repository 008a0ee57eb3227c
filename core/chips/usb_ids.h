// USB vendor/product ids of the serial ports ESP boards present: Espressif's own USB consoles
// and the USB-UART bridges boards carry. The page's port chooser filters by them, and port
// scanning tries them first. A product id of 0 matches every product of the vendor.
#pragma once

#include <cstdint>
#include <vector>

namespace esptool::chips {

enum class UsbPortKind : uint8_t { kUsbJtagSerial, kUsbOtg, kBridge };

struct UsbSerialId {
  uint16_t vendor_id;
  uint16_t product_id;  // 0: any product of this vendor
  const char* name;
  UsbPortKind kind;
};

const std::vector<UsbSerialId>& usb_serial_ids();
// The first row matching vid/pid (exact product first, then vendor-wide); nullptr if none.
const UsbSerialId* find_usb_serial_id(uint16_t vendor_id, uint16_t product_id);

}  // namespace esptool::chips
