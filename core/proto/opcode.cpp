#include "core/proto/opcode.h"

namespace esptool::proto {

const char* opcode_name(Opcode op) {
  switch (op) {
    case Opcode::kFlashBegin: return "FLASH_BEGIN";
    case Opcode::kFlashData: return "FLASH_DATA";
    case Opcode::kFlashEnd: return "FLASH_END";
    case Opcode::kMemBegin: return "MEM_BEGIN";
    case Opcode::kMemEnd: return "MEM_END";
    case Opcode::kMemData: return "MEM_DATA";
    case Opcode::kSync: return "SYNC";
    case Opcode::kWriteReg: return "WRITE_REG";
    case Opcode::kReadReg: return "READ_REG";
    case Opcode::kSpiSetParams: return "SPI_SET_PARAMS";
    case Opcode::kSpiAttach: return "SPI_ATTACH";
    case Opcode::kReadFlashSlow: return "READ_FLASH_SLOW";
    case Opcode::kChangeBaudrate: return "CHANGE_BAUDRATE";
    case Opcode::kFlashDeflBegin: return "FLASH_DEFL_BEGIN";
    case Opcode::kFlashDeflData: return "FLASH_DEFL_DATA";
    case Opcode::kFlashDeflEnd: return "FLASH_DEFL_END";
    case Opcode::kSpiFlashMd5: return "SPI_FLASH_MD5";
    case Opcode::kGetSecurityInfo: return "GET_SECURITY_INFO";
    case Opcode::kEraseFlash: return "ERASE_FLASH";
    case Opcode::kEraseRegion: return "ERASE_REGION";
    case Opcode::kReadFlash: return "READ_FLASH";
    case Opcode::kRunUserCode: return "RUN_USER_CODE";
    case Opcode::kFlashEncryptData: return "FLASH_ENCRYPT_DATA";
  }
  return "UNKNOWN";
}

}  // namespace esptool::proto
