#include "core/chips/usb_ids.h"

namespace esptool::chips {

const std::vector<UsbSerialId>& usb_serial_ids() {
  // Espressif's ids: USB-Serial-JTAG 303a:1001 (C3, S3, C6, H2, ...), the ROM's USB-OTG CDC
  // 303a:0002 (S2, S3); other 303a products are Espressif's too (TinyUSB apps, ESP-Prog-2).
  // Bridges: the chips on Espressif's and most makers' dev boards.
  static const std::vector<UsbSerialId> ids = {
      {0x303A, 0x1001, "Espressif USB JTAG/serial", UsbPortKind::kUsbJtagSerial},
      {0x303A, 0x0002, "Espressif USB-OTG (ROM CDC)", UsbPortKind::kUsbOtg},
      {0x303A, 0x0000, "Espressif USB device", UsbPortKind::kBridge},
      {0x10C4, 0xEA60, "Silicon Labs CP210x", UsbPortKind::kBridge},
      {0x1A86, 0x7523, "WCH CH340", UsbPortKind::kBridge},
      {0x1A86, 0x55D4, "WCH CH9102", UsbPortKind::kBridge},
      {0x1A86, 0x55D3, "WCH CH343", UsbPortKind::kBridge},
      {0x0403, 0x6001, "FTDI FT232R", UsbPortKind::kBridge},
      {0x0403, 0x6010, "FTDI FT2232", UsbPortKind::kBridge},
      {0x0403, 0x6014, "FTDI FT232H", UsbPortKind::kBridge},
      {0x0403, 0x6015, "FTDI FT231X", UsbPortKind::kBridge},
      {0x067B, 0x2303, "Prolific PL2303", UsbPortKind::kBridge},
  };
  return ids;
}

const UsbSerialId* find_usb_serial_id(uint16_t vendor_id, uint16_t product_id) {
  const UsbSerialId* vendor_wide = nullptr;
  for (const UsbSerialId& id : usb_serial_ids()) {
    if (id.vendor_id != vendor_id) continue;
    if (id.product_id == product_id) return &id;
    if (id.product_id == 0 && !vendor_wide) vendor_wide = &id;
  }
  return vendor_wide;
}

}  // namespace esptool::chips
