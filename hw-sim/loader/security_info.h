// GET_SECURITY_INFO payload (serial-protocol.md §12): a chip with no security features enabled,
// except Secure Boot (flag bit 0, SECURE_BOOT_EN) and Secure Download Mode (flag bit 2,
// SECURE_DOWNLOAD_ENABLE) when their eFuses are burned.
#pragma once

#include "hw-sim/base/bytes.h"
#include "hw-sim/chips/chip_model.h"

namespace hwsim {

// flags u32 (bit 0 = secure_boot, bit 2 = secure_download), flash_crypt_cnt = 0, 7 key purposes = 0, then (S3 and later)
// chip_id and eco/api version. ESP32-S2 stops after 12 bytes; chips without the command get an
// empty vector.
inline Bytes security_info_payload(const ChipModel& chip, bool secure_boot,
                                   bool secure_download = false) {
  Bytes payload;
  if (chip.security_info == SecurityInfoForm::kNone) return payload;
  payload.assign(12, 0);
  if (secure_boot) payload[0] |= 0x01;
  if (secure_download) payload[0] |= 0x04;
  if (chip.security_info == SecurityInfoForm::kFull20) {
    put_le32(payload, chip.image_chip_id);
    put_le32(payload, chip.eco_version);
  }
  return payload;
}

}  // namespace hwsim
