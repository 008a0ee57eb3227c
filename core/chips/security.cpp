#include "core/chips/security.h"

#include "core/base/bytes.h"
#include "core/chips/identity.h"

namespace esptool::chips {

namespace {

int popcount(uint32_t v) {
  int n = 0;
  for (; v != 0; v &= v - 1) ++n;
  return n;
}

bool flag_set(const RegisterFlag& f, const RegisterValues& v) {
  return f.present() && (v.at(f.address) & f.mask) != 0;
}

// Python's bin(): "0b0", "0b101".
std::string python_bin(uint32_t v) {
  std::string digits;
  do {
    digits.insert(digits.begin(), char('0' + (v & 1)));
    v >>= 1;
  } while (v != 0);
  return "0b" + digits;
}

const char* key_purpose_name(const ChipInfo& chip, uint8_t purpose) {
  for (const CodeName& n : chip.key_purposes)
    if (n.code == purpose) return n.name;
  return "UNKNOWN";
}

constexpr int kEfuseMaxKey = 5;  // EFUSE_MAX_KEY of every chip with KEY_PURPOSES

void append_key_purposes(const ChipInfo& chip, const SecurityInfo& info, std::string& out) {
  out += "Key Purposes: (";  // a Python tuple repr
  for (size_t i = 0; i < info.key_purposes.size(); ++i) {
    if (i) out += ", ";
    out += std::to_string(info.key_purposes[i]);
  }
  out += ")\n";
  for (int i = 0; i <= kEfuseMaxKey; ++i)
    out += "  BLOCK_KEY" + std::to_string(i) + " - " +
           key_purpose_name(chip, info.key_purposes[i]) + "\n";
}

void append_secure_boot(uint32_t flags, std::string& out) {
  if (!(flags & kSecureBootEn)) {
    out += "Secure Boot: Disabled\n";
    return;
  }
  out += "Secure Boot: Enabled\n";
  if (flags & kSecureBootAggressiveRevoke)
    out += "Secure Boot Aggressive key revocation: Enabled\n";
  const uint32_t revoke_bits[] = {kSecureBootKeyRevoke0, kSecureBootKeyRevoke1,
                                  kSecureBootKeyRevoke2};
  std::string revoked;
  for (int i = 0; i < 3; ++i)
    if (flags & revoke_bits[i])
      revoked += "\tSecure Boot Key" + std::to_string(i) + " is Revoked\n\n";
  if (!revoked.empty()) out += "Secure Boot Key Revocation Status:\n\n" + revoked;
}

}  // namespace

bool SecurityInfo::flash_encryption_enabled() const { return popcount(flash_crypt_cnt) % 2 != 0; }

Result<SecurityInfo> parse_security_info(std::span<const uint8_t> payload) {
  if (payload.size() != 12 && payload.size() != 20)
    return make_error(Errc::kUnexpectedReply, "GET_SECURITY_INFO returned " +
                                                  std::to_string(payload.size()) +
                                                  " bytes, expected 12 or 20");
  SecurityInfo info;
  info.flags = read_le32(payload.data());
  info.flash_crypt_cnt = payload[4];
  for (size_t i = 0; i < info.key_purposes.size(); ++i) info.key_purposes[i] = payload[5 + i];
  if (payload.size() == 20) {
    info.chip_id = read_le32(payload.data() + 12);
    info.api_version = read_le32(payload.data() + 16);
  }
  return info;
}

std::optional<uint32_t> security_info_chip_id(std::span<const uint8_t> payload) {
  if (payload.size() < 16) return std::nullopt;
  return read_le32(payload.data() + 12);
}

std::string security_info_text(const ChipInfo& chip, const SecurityInfo& info) {
  const std::string flags = strprintf("0x%08x", unsigned(info.flags));
  std::string out = "\nSecurity Information:\n=====================\n";
  out += std::string("Flags: ") + flags + " (" + python_bin(info.flags) + ")\n";
  if (chip.key_purposes.size() != 0) append_key_purposes(chip, info, out);
  if (info.chip_id && info.api_version) {
    out += "Chip ID: " + std::to_string(*info.chip_id) + "\n";
    out += "API Version: " + std::to_string(*info.api_version) + "\n";
  }
  append_secure_boot(info.flags, out);
  out += info.flash_encryption_enabled() ? "Flash Encryption: Enabled\n"
                                         : "Flash Encryption: Disabled\n";
  // cmds.py compares CHIP_NAME with "esp32" (never equal), so every chip prints this label.
  const std::string cnt = strprintf("%#x", unsigned(info.flash_crypt_cnt));
  out += std::string("SPI Boot Crypt Count (SPI_BOOT_CRYPT_CNT): ") +
         (info.flash_crypt_cnt == 0 ? "0x0" : cnt) + "\n";
  if (info.flags & kDisDownloadDcache) out += "Dcache in UART download mode: Disabled\n";
  if (info.flags & kDisDownloadIcache) out += "Icache in UART download mode: Disabled\n";
  if (info.flags & kHardDisJtag)
    out += "JTAG: Permanently Disabled\n";
  else if (info.flags & kSoftDisJtag)
    out += "JTAG: Software Access Disabled\n";
  if (info.flags & kDisUsb) out += "USB Access: Disabled\n";
  return out;
}

std::vector<uint32_t> security_registers(const ChipInfo& chip) {
  std::vector<uint32_t> list;
  const SecurityEfuses& s = chip.security;
  for (const RegisterFlag* f :
       {&s.secure_boot, &s.secure_boot_rev3, &s.crypt_cnt, &s.dis_manual_encrypt})
    if (f->present()) add_register(list, f->address);
  if (s.secure_boot_rev3.present())
    for (uint32_t a : revision_registers(chip)) add_register(list, a);
  return list;
}

bool secure_boot_enabled(const ChipInfo& chip, const RegisterValues& values) {
  const SecurityEfuses& s = chip.security;
  if (flag_set(s.secure_boot, values)) return true;
  // esp32.py: ABS_DONE_1 (secure boot v2) only counts on revision v3.0 and later.
  return s.secure_boot_rev3.present() && decode_revision(chip, values).value() >= 300 &&
         flag_set(s.secure_boot_rev3, values);
}

bool flash_encryption_enabled(const ChipInfo& chip, const RegisterValues& values) {
  const RegisterFlag& f = chip.security.crypt_cnt;
  return f.present() && popcount(values.at(f.address) & f.mask) % 2 != 0;
}

bool encrypted_download_disabled(const ChipInfo& chip, const RegisterValues& values) {
  return flag_set(chip.security.dis_manual_encrypt, values);
}

}  // namespace esptool::chips
