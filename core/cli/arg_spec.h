// Declarative description of a command line, the subset of Python's argparse that esptool.py
// v4.8.1 uses: options (store, store_true, append), positionals (one, '?', '+'), value types,
// choices, defaults with ESPTOOL_* environment overrides, one mutually exclusive group.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace esptool::cli {

enum class Action {
  kStore,      // --opt VALUE (last one wins)
  kStoreTrue,  // --flag
  kAppend,     // --opt A --opt B -> [A, B]
};

enum class Nargs {
  kOne,       // exactly one value
  kOptional,  // '?': zero or one
  kOneOrMore, // '+'
};

// How a value string is checked and normalised (the argparse `type=`). Converted values are
// kept as strings: integers in decimal, chips stripped ("ESP32-C3" -> "esp32c3").
enum class ValueType {
  kString,
  kInt,            // int(x): name "int" in messages
  kAutoInt,        // int(x, 0): "arg_auto_int"
  kAutoSize,       // "all" or int(x, 0): "arg_auto_size"
  kChunkSize,      // int(x, 0), multiple of 4: "arg_auto_chunk_size"
  kChip,           // strip_chip_name
  kSpiConnection,  // SPI, HSPI or five comma-separated pin numbers
  kAddrFilename,   // '+' pairs of address and file name (AddrFilenamePairAction)
};

struct ArgSpec {
  std::vector<std::string> flags;  // option strings ("--flash_mode", "-fm"); empty = positional
  std::string dest;
  Action action = Action::kStore;
  Nargs nargs = Nargs::kOne;
  ValueType type = ValueType::kString;
  std::vector<std::string> choices;  // compared with the converted value; empty = any
  int64_t min = 0, max = -1;         // integer range choices when max >= min (range(min, max+1))
  std::string default_value;         // converted like an argument when has_default
  bool has_default = false;
  std::string env;                   // environment variable overriding the default
  bool required = false;
  std::string metavar;               // positional name in messages (default: dest)
  std::string exclusive_group;       // options in the same group may not be combined
  std::string help;
};

struct CommandSpec {
  std::string name;
  std::string help;
  std::vector<ArgSpec> args;
  bool is_offline = false;  // runs without a device (elf2image, image_info, ...)
};

}  // namespace esptool::cli
