#include "core/ops/describe_chip.h"

#include <algorithm>

#include "core/chips/crystal.h"
#include "core/chips/identity.h"
#include "core/chips/mac.h"

namespace esptool::ops {

using engine::Link;
using engine::Task;

Task<Status> read_registers(Link& link, std::vector<uint32_t> addresses, chips::RegisterValues& values) {
  for (uint32_t address : addresses) {
    if (values.has(address)) continue;
    Result<uint32_t> word = co_await link.read_reg(address);
    if (!word.ok()) co_return word.error();
    values.set(address, word.value());
  }
  co_return Status::Ok();
}

Task<Status> describe_chip(Link& link) {
  engine::Session& s = link.session();
  if (s.chip == nullptr) co_return Status::Ok();
  const chips::ChipInfo& chip = *s.chip;
  if (s.secure_download_mode) {
    // esptool main(): no eFuse, crystal or MAC can be read, only the mode is said.
    const std::string description = std::string(chip.name) + " in Secure Download Mode";
    link.log("Chip is " + description);
    engine::Facts& facts = link.report().facts;
    facts.set_text("chip", chip.name);
    facts.set_text("description", description);
    facts.set_flag("secure_download_mode", true);
    co_return Status::Ok();
  }
  std::vector<uint32_t> wanted = chips::identity_registers(chip);
  for (uint32_t a : chips::mac_registers(chip)) wanted.push_back(a);
  chips::RegisterValues values;
  ESPT_CO_TRY(co_await read_registers(link, wanted, values));

  const std::string description = chips::chip_description(chip, values);
  link.log("Chip is " + description);
  link.log("Features: " + chips::features_text(chips::chip_features(chip, values)));
  const chips::Crystal& crystal = s.crystal;
  if (!crystal.warning.empty()) link.log(crystal.warning);
  link.log(strprintf("Crystal is %uMHz", crystal.mhz));
  Result<chips::MacAddresses> mac = chips::decode_mac(chip, values);
  if (!mac.ok()) co_return mac.error();
  for (const std::string& line : chips::mac_lines(mac.value())) link.log(line);

  engine::Facts& facts = link.report().facts;
  facts.set_text("chip", chip.name);
  facts.set_text("description", description);
  facts.set_list("features", chips::chip_features(chip, values));
  facts.set_number("crystal_mhz", crystal.mhz);
  facts.set_text("mac", chips::format_mac(mac.value().base));
  const chips::Revision rev = chips::decode_revision(chip, values);
  facts.set_text("revision", strprintf("v%u.%u", rev.major, rev.minor));
  s.description = description;
  s.revision = rev;
  co_return Status::Ok();
}

Task<Status> read_crystal(Link& link) {
  engine::Session& s = link.session();
  s.crystal = {};
  if (s.chip == nullptr || s.secure_download_mode) co_return Status::Ok();
  const chips::ChipInfo& chip = *s.chip;
  uint32_t clkdiv = 0;
  if (chip.crystal.fixed_mhz == 0) {
    chips::RegisterValues values;
    ESPT_CO_TRY(co_await read_registers(link, chips::crystal_registers(chip), values));
    clkdiv = values.at(chip.crystal.uart_clkdiv_reg);
  }
  s.crystal = chips::crystal_mhz(chip, clkdiv, s.baud);
  co_return Status::Ok();
}

Task<Status> print_mac(Link& link) {
  const chips::ChipInfo& chip = *link.session().chip;
  chips::RegisterValues values;
  ESPT_CO_TRY(co_await read_registers(link, chips::mac_registers(chip), values));
  Result<chips::MacAddresses> mac = chips::decode_mac(chip, values);
  if (!mac.ok()) co_return mac.error();
  for (const std::string& line : chips::mac_lines(mac.value())) link.log(line);
  link.report().facts.set_text("mac", chips::format_mac(mac.value().base));
  co_return Status::Ok();
}

Task<Status> print_chip_id(Link& link) {
  const chips::ChipInfo& chip = *link.session().chip;
  if (!chips::has_chip_id(chip)) {
    link.log(strprintf("Warning: %s has no Chip ID. Reading MAC instead.", chip.name));
    Status mac = co_await print_mac(link);
    co_return mac;
  }
  chips::RegisterValues values;
  ESPT_CO_TRY(co_await read_registers(link, chips::mac_registers(chip), values));
  const uint32_t id = chips::esp8266_chip_id(chip, values);
  link.log(strprintf("Chip ID: 0x%08x", id));
  link.report().facts.set_number("chip_id", id);
  co_return Status::Ok();
}

}  // namespace esptool::ops
