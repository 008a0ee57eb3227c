// Each type reports failures the way argparse does: a ValueError in the type function becomes
// "invalid <function name> value: <repr>", an ArgumentTypeError its own message.
#include "core/cli/arg_types.h"

#include "core/base/bytes.h"
#include "core/chips/chip.h"
#include "core/cli/values.h"
#include "core/image/address_pairs.h"
#include "core/util/py_int.h"

namespace esptool::cli {
namespace {

Error bad(std::string message) { return make_error(Errc::kBadArgument, std::move(message)); }

Error invalid_value(const char* type_name, std::string_view raw) {
  return bad(strprintf("invalid %s value: %s", type_name, py_repr(raw).c_str()));
}

bool is_integer_type(ValueType t) {
  return t == ValueType::kInt || t == ValueType::kAutoInt || t == ValueType::kChunkSize;
}

Result<std::string> convert_spi_connection(std::string_view raw) {
  std::string upper;
  for (char c : raw) upper.push_back(char(std::toupper(static_cast<unsigned char>(c))));
  if (upper == "SPI" || upper == "HSPI") return upper;
  const std::string text(raw);
  if (text.find(',') == std::string::npos) {
    return bad(strprintf("%s is not a valid spi-connection value. Values are SPI, HSPI, or a "
                         "sequence of 5 pin numbers - CLK,Q,D,HD,CS.",
                         text.c_str()));
  }
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    size_t comma = text.find(',', pos);
    parts.push_back(text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  if (parts.size() != 5) {
    return bad(strprintf("%s is not a valid list of comma-separate pin numbers. Must be 5 numbers "
                         "- CLK,Q,D,HD,CS.",
                         text.c_str()));
  }
  std::string out;
  for (const auto& p : parts) {
    auto pin = util::parse_auto_int(p);
    if (!pin) return bad(strprintf("%s is not a valid argument. All pins must be numeric values",
                                   text.c_str()));
    if (!out.empty()) out += ',';
    out += std::to_string(*pin);
  }
  return out;
}

Result<std::string> convert_type(const ArgSpec& spec, std::string_view raw) {
  switch (spec.type) {
    case ValueType::kString:
    case ValueType::kAddrFilename:
      return std::string(raw);
    case ValueType::kInt: {
      auto v = util::parse_decimal_int(raw);
      if (!v) return invalid_value("int", raw);
      return std::to_string(*v);
    }
    case ValueType::kAutoInt: {
      auto v = util::parse_auto_int(raw);
      if (!v) return invalid_value("arg_auto_int", raw);
      return std::to_string(*v);
    }
    case ValueType::kAutoSize: {
      std::string lower;
      for (char c : raw) lower.push_back(char(std::tolower(static_cast<unsigned char>(c))));
      if (lower == "all") return lower;
      auto v = util::parse_auto_int(lower);
      if (!v) return invalid_value("arg_auto_size", raw);
      return std::to_string(*v);
    }
    case ValueType::kChunkSize: {
      auto v = util::parse_auto_int(raw);
      if (!v) return invalid_value("arg_auto_chunk_size", raw);
      if (*v & 3) return bad("Chunk size should be a 4-byte aligned number");
      return std::to_string(*v);
    }
    case ValueType::kChip:
      return chips::strip_chip_name(raw);
    case ValueType::kSpiConnection:
      return convert_spi_connection(raw);
  }
  return std::string(raw);
}

std::string choices_text(const ArgSpec& spec) {
  if (spec.max >= spec.min) {
    // argparse lists every member of range(); the ends say the same in one line.
    return strprintf("%lld, ..., %lld", (long long)spec.min, (long long)spec.max);
  }
  std::string out;
  for (const auto& c : spec.choices) {
    if (!out.empty()) out += ", ";
    out += is_integer_type(spec.type) ? c : py_repr(c);
  }
  return out;
}

}  // namespace

Result<std::string> convert_value(const ArgSpec& spec, std::string_view raw) {
  ESPT_ASSIGN(value, convert_type(spec, raw));
  const bool has_range = spec.max >= spec.min;
  bool allowed = true;
  if (has_range) {
    const int64_t v = util::parse_decimal_int(value).value_or(spec.min - 1);
    allowed = v >= spec.min && v <= spec.max;
  } else if (!spec.choices.empty()) {
    allowed = false;
    for (const auto& c : spec.choices) allowed = allowed || c == value;
  }
  if (!allowed) {
    const std::string shown = is_integer_type(spec.type) ? value : py_repr(value);
    return bad(strprintf("invalid choice: %s (choose from %s)", shown.c_str(),
                         choices_text(spec).c_str()));
  }
  return value;
}

Status check_addr_filename_pairs(const std::vector<std::string>& words) {
  ESPT_TRY(image::parse_address_pairs(words));
  return Status::Ok();
}

}  // namespace esptool::cli
