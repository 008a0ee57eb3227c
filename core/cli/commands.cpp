// The tables follow esptool/__init__.py@v4.8.1 main() declaration by declaration, so that
// argument order, ambiguity and "required" messages come out as argparse's do.
#include "core/cli/commands.h"

#include <algorithm>
#include <iterator>
#include <memory>

#include "core/chips/chip.h"

namespace esptool::cli {
namespace {

// Fluent builder so each table row reads like the add_argument call it mirrors.
class A {
 public:
  A(std::vector<std::string> flags, std::string dest, std::string help) {
    s_.flags = std::move(flags);
    s_.dest = std::move(dest);
    s_.help = std::move(help);
  }
  A& flag() { s_.action = Action::kStoreTrue; return *this; }
  A& append() { s_.action = Action::kAppend; return *this; }
  A& type(ValueType t) { s_.type = t; return *this; }
  A& choices(std::vector<std::string> c) { s_.choices = std::move(c); return *this; }
  A& range(int64_t lo, int64_t hi) { s_.min = lo; s_.max = hi; return *this; }
  A& def(std::string v) { s_.default_value = std::move(v); s_.has_default = true; return *this; }
  A& env(std::string e) { s_.env = std::move(e); return *this; }
  A& required() { s_.required = true; return *this; }
  A& nargs(Nargs n) { s_.nargs = n; return *this; }
  A& metavar(std::string m) { s_.metavar = std::move(m); return *this; }
  A& group(std::string g) { s_.exclusive_group = std::move(g); return *this; }
  operator ArgSpec() const { return s_; }  // NOLINT: rows convert implicitly

 private:
  ArgSpec s_;
};

A positional(std::string dest, std::string help) { return A({}, std::move(dest), std::move(help)); }
A help_option() { return A({"-h", "--help"}, "help", "show this help message and exit").flag(); }
A addr_filename(std::string help) {
  return positional("addr_filename", std::move(help))
      .type(ValueType::kAddrFilename)
      .nargs(Nargs::kOneOrMore)
      .metavar("<address> <filename>");
}

const std::vector<std::string> kFlashFreqs = {"80m", "60m", "48m", "40m", "30m", "26m",
                                              "24m", "20m", "16m", "15m", "12m"};
const std::vector<std::string> kFlashModes = {"qio", "qout", "dio", "dout"};
const std::vector<std::string> kFlashSizes = {"256KB", "512KB", "1MB",  "2MB",  "2MB-c1", "4MB",
                                              "4MB-c1", "8MB",  "16MB", "32MB", "64MB",   "128MB"};

ArgSpec spi_connection() {
  return A({"--spi-connection", "-sc"}, "spi_connection",
           "Override default SPI Flash connection: SPI, HSPI or CLK,Q,D,HD,CS pin numbers.")
      .type(ValueType::kSpiConnection);
}

// add_spi_flash_subparsers(): --flash_freq, --flash_mode, --flash_size, --spi-connection.
void add_spi_flash(std::vector<ArgSpec>& args, bool allow_keep, bool auto_detect,
                   bool size_only = false) {
  const std::vector<std::string> keep = allow_keep ? std::vector<std::string>{"keep"}
                                                   : std::vector<std::string>{};
  if (!size_only) {
    std::vector<std::string> freqs = keep;
    freqs.insert(freqs.end(), kFlashFreqs.begin(), kFlashFreqs.end());
    A freq = A({"--flash_freq", "-ff"}, "flash_freq", "SPI Flash frequency")
                 .choices(freqs)
                 .env("ESPTOOL_FF");
    if (allow_keep) freq.def("keep");
    args.push_back(freq);
    std::vector<std::string> modes = keep;
    modes.insert(modes.end(), kFlashModes.begin(), kFlashModes.end());
    args.push_back(A({"--flash_mode", "-fm"}, "flash_mode", "SPI Flash mode")
                       .choices(modes)
                       .def(allow_keep ? "keep" : "qio")
                       .env("ESPTOOL_FM"));
  }
  std::vector<std::string> sizes;
  if (auto_detect) sizes.push_back("detect");
  if (allow_keep) sizes.push_back("keep");
  sizes.insert(sizes.end(), kFlashSizes.begin(), kFlashSizes.end());
  args.push_back(A({"--flash_size", "-fs"}, "flash_size", "SPI Flash size in MegaBytes")
                     .choices(sizes)
                     .def(allow_keep ? "keep" : "1MB")
                     .env("ESPTOOL_FS"));
  args.push_back(spi_connection());
}

std::vector<std::string> chip_choices() {
  std::vector<std::string> out{"auto"};
  for (const chips::ChipInfo* c : chips::all_chips()) out.emplace_back(c->key);
  return out;
}

std::vector<ArgSpec> make_global_options() {
  return {
      help_option(),
      A({"--chip", "-c"}, "chip", "Target chip type")
          .type(ValueType::kChip).choices(chip_choices()).def("auto").env("ESPTOOL_CHIP"),
      A({"--port", "-p"}, "port", "Serial port device").env("ESPTOOL_PORT"),
      A({"--baud", "-b"}, "baud", "Serial port baud rate used when flashing/reading")
          .type(ValueType::kAutoInt).def("115200").env("ESPTOOL_BAUD"),
      A({"--port-filter"}, "port_filter", "Serial port device filter (vid=, pid=, name=)")
          .append(),
      A({"--before"}, "before", "What to do before connecting to the chip")
          .choices({"default_reset", "usb_reset", "no_reset", "no_reset_no_sync"})
          .def("default_reset").env("ESPTOOL_BEFORE"),
      A({"--after", "-a"}, "after", "What to do after esptool.py is finished")
          .choices({"hard_reset", "soft_reset", "no_reset", "no_reset_stub"})
          .def("hard_reset").env("ESPTOOL_AFTER"),
      A({"--no-stub"}, "no_stub", "Disable launching the flasher stub").flag(),
      A({"--stub-version"}, "stub_version", "(internal) flasher stub version")
          .choices({"1", "2"}).def("1").env("ESPTOOL_STUB_VERSION"),
      A({"--trace", "-t"}, "trace", "Enable trace-level output of esptool.py interactions.")
          .flag(),
      A({"--override-vddsdio"}, "override_vddsdio", "Override ESP32 VDDSDIO regulator")
          .choices({"1.8V", "1.9V", "OFF"}).nargs(Nargs::kOptional),
      A({"--connect-attempts"}, "connect_attempts", "Number of attempts to connect (<= 0: forever)")
          .type(ValueType::kInt).def("7").env("ESPTOOL_CONNECT_ATTEMPTS"),
      // Our extension: by default a write or read resumes after line noise (ops/recovery.h).
      A({"--no-recover"}, "no_recover",
        "Give up at the first line error instead of resuming (esptool.py's behaviour)").flag(),
  };
}

CommandSpec cmd(std::string name, std::string help, std::vector<ArgSpec> args,
                bool offline = false) {
  args.insert(args.begin(), help_option());
  return CommandSpec{std::move(name), std::move(help), std::move(args), offline};
}

std::vector<ArgSpec> write_flash_args() {
  std::vector<ArgSpec> a = {
      addr_filename("Address followed by binary filename, separated by space"),
      A({"--erase-all", "-e"}, "erase_all", "Erase all regions of flash before programming")
          .flag(),
  };
  add_spi_flash(a, true, true);
  std::vector<ArgSpec> rest = {
      A({"--no-progress", "-p"}, "no_progress", "Suppress progress output").flag(),
      A({"--verify"}, "verify", "Verify just-written data on flash").flag(),
      A({"--encrypt"}, "encrypt", "Apply flash encryption when writing data").flag(),
      A({"--encrypt-files"}, "encrypt_files", "Files to be encrypted on the flash")
          .type(ValueType::kAddrFilename).nargs(Nargs::kOneOrMore).metavar("<address> <filename>"),
      A({"--ignore-flash-encryption-efuse-setting"}, "ignore_flash_encryption_efuse_setting",
        "Ignore flash encryption efuse settings").flag(),
      A({"--force"}, "force", "Force write, skip security and compatibility checks").flag(),
      A({"--compress", "-z"}, "compress", "Compress data in transfer").flag().group("compress"),
      A({"--no-compress", "-u"}, "no_compress", "Disable data compression during transfer")
          .flag().group("compress"),
      // esptool-wasm extensions (not in esptool.py v4.8.1).
      A({"--skip-unchanged"}, "skip_unchanged",
        "Compare flash block MD5s first; erase and write only the blocks that differ")
          .flag(),
      A({"--no-verify"}, "no_verify", "Skip the MD5 check of the written data").flag(),
  };
  a.insert(a.end(), rest.begin(), rest.end());
  return a;
}

std::vector<ArgSpec> elf2image_args() {
  std::vector<ArgSpec> a = {
      positional("input", "Input ELF file"),
      A({"--output", "-o"}, "output", "Output filename prefix (version 1) or filename"),
      A({"--version", "-e"}, "version", "Output image version").choices({"1", "2", "3"}).def("1"),
      A({"--min-rev", "-r"}, "min_rev", "Minimal chip revision (deprecated)")
          .type(ValueType::kInt).range(0, 255).def("0"),
      A({"--min-rev-full"}, "min_rev_full", "Minimal chip revision (major * 100 + minor)")
          .type(ValueType::kInt).range(0, 65535).def("0"),
      A({"--max-rev-full"}, "max_rev_full", "Maximal chip revision (major * 100 + minor)")
          .type(ValueType::kInt).range(0, 65535).def("65535"),
      A({"--secure-pad"}, "secure_pad", "Pad for Secure Boot v1 signing").flag(),
      A({"--secure-pad-v2"}, "secure_pad_v2", "Pad for Secure Boot v2 signing").flag(),
      A({"--elf-sha256-offset"}, "elf_sha256_offset", "Insert the ELF SHA-256 at this offset")
          .type(ValueType::kAutoInt),
      A({"--dont-append-digest"}, "dont_append_digest", "Don't append a SHA256 digest").flag(),
      A({"--use_segments"}, "use_segments", "Use ELF segments instead of sections").flag(),
      A({"--flash-mmu-page-size"}, "flash_mmu_page_size", "Change flash MMU page size.")
          .choices({"64KB", "32KB", "16KB", "8KB"}),
      A({"--pad-to-size"}, "pad_to_size", "Pad the final image to a multiple of this size"),
      A({"--ram-only-header"}, "ram_only_header", "Only RAM segments visible to the ROM").flag(),
  };
  add_spi_flash(a, false, false);
  return a;
}

std::vector<ArgSpec> merge_bin_args() {
  std::vector<ArgSpec> a = {
      A({"--output", "-o"}, "output", "Output filename").required(),
      A({"--format", "-f"}, "format", "Format of the output file")
          .choices({"raw", "uf2", "hex"}).def("raw"),
      A({"--chunk-size"}, "chunk_size", "Used data part of the 512 byte UF2 block")
          .type(ValueType::kChunkSize),
      A({"--md5-disable"}, "md5_disable", "Disable MD5 checksum in UF2 output").flag(),
  };
  add_spi_flash(a, true, false);
  std::vector<std::string> fill(kFlashSizes.begin(), kFlashSizes.end());
  fill.erase(std::remove(fill.begin(), fill.end(), "2MB-c1"), fill.end());
  fill.erase(std::remove(fill.begin(), fill.end(), "4MB-c1"), fill.end());
  a.push_back(A({"--target-offset", "-t"}, "target_offset", "Target offset of the output file")
                  .type(ValueType::kAutoInt).def("0"));
  a.push_back(A({"--fill-flash-size"}, "fill_flash_size", "Pad with FF up to this flash size")
                  .choices(fill));
  a.push_back(addr_filename("Address followed by binary filename, separated by space"));
  return a;
}

A address_arg() { return positional("address", "Address").type(ValueType::kAutoInt); }
A force_arg() {
  return A({"--force"}, "force", "Erase even if security features are enabled").flag();
}
A status_bytes_arg() {
  return A({"--bytes"}, "bytes", "Number of status bytes (1-3)")
      .type(ValueType::kInt)
      .choices({"1", "2", "3"})
      .def("2");
}

std::vector<ArgSpec> read_flash_args() {
  std::vector<ArgSpec> a;
  add_spi_flash(a, true, true, true);
  a.push_back(address_arg());
  a.push_back(positional("size", "Size of region to dump, or ALL").type(ValueType::kAutoSize));
  a.push_back(positional("filename", "Name of binary dump"));
  a.push_back(A({"--no-progress", "-p"}, "no_progress", "Suppress progress output").flag());
  return a;
}

std::vector<ArgSpec> verify_flash_args() {
  std::vector<ArgSpec> a = {
      addr_filename("Address and binary file to verify there, separated by space"),
      A({"--diff", "-d"}, "diff", "Show differences").choices({"no", "yes"}).def("no")};
  add_spi_flash(a, true, true);
  return a;
}

std::vector<ArgSpec> read_flash_sfdp_args() {
  std::vector<ArgSpec> a;
  add_spi_flash(a, true, true);
  a.push_back(positional("addr", "SFDP address").type(ValueType::kAutoInt));
  a.push_back(positional("bytes", "Number of bytes").type(ValueType::kInt));
  return a;
}

using Args = std::vector<ArgSpec>;

// One row per sub-command in esptool's order: its name, help and whether it runs without a
// device are constant data; its arguments are built only when a command line names it, so an
// offline command's start-up does not build the other 24 commands' tables (issue 10).
struct CommandRow {
  const char* name;
  const char* help;
  bool offline;
  Args (*args)();
};

const CommandRow kCommandRows[] = {
    {"load_ram", "Download an image to RAM and execute", false,
     [] { return Args{positional("filename", "Firmware image")}; }},
    {"dump_mem", "Dump arbitrary memory to disk", false,
     [] {
       return Args{address_arg(),
                   positional("size", "Size of region to dump").type(ValueType::kAutoInt),
                   positional("filename", "Name of binary dump")};
     }},
    {"read_mem", "Read arbitrary memory location", false, [] { return Args{address_arg()}; }},
    {"write_mem", "Read-modify-write to arbitrary memory location", false,
     [] {
       return Args{address_arg(), positional("value", "Value").type(ValueType::kAutoInt),
                   positional("mask", "Mask of bits to write")
                       .type(ValueType::kAutoInt)
                       .nargs(Nargs::kOptional)
                       .def("0xFFFFFFFF")};
     }},
    {"write_flash", "Write a binary blob to flash", false, write_flash_args},
    {"run", "Run application code in flash", false, [] { return Args{}; }},
    {"image_info", "Dump headers from a binary file (bootloader or application)", true,
     [] {
       return Args{
           positional("filename", "Image file to parse"),
           A({"--version", "-v"}, "version", "Output format version (1 - legacy, 2 - extended)")
               .choices({"1", "2"})
               .def("1")};
     }},
    {"make_image", "Create an application image from binary files", true,
     [] {
       return Args{positional("output", "Output image file"),
                   A({"--segfile", "-f"}, "segfile", "Segment input file").append(),
                   A({"--segaddr", "-a"}, "segaddr", "Segment base address")
                       .append()
                       .type(ValueType::kAutoInt),
                   A({"--entrypoint", "-e"}, "entrypoint", "Address of entry point")
                       .type(ValueType::kAutoInt)
                       .def("0")};
     }},
    {"elf2image", "Create an application image from ELF file", true, elf2image_args},
    {"read_mac", "Read MAC address from OTP ROM", false, [] { return Args{}; }},
    {"chip_id", "Read Chip ID from OTP ROM", false, [] { return Args{}; }},
    {"flash_id", "Read SPI flash manufacturer and device ID", false,
     [] { return Args{spi_connection()}; }},
    {"read_flash_status", "Read SPI flash status register", false,
     [] {
       return Args{spi_connection(), status_bytes_arg()};
     }},
    {"write_flash_status", "Write SPI flash status register", false,
     [] {
       return Args{spi_connection(),
                   A({"--non-volatile"}, "non_volatile", "Write non-volatile bits").flag(),
                   status_bytes_arg(), positional("value", "New value").type(ValueType::kAutoInt)};
     }},
    {"read_flash", "Read SPI flash content", false, read_flash_args},
    {"verify_flash", "Verify a binary blob against flash", false, verify_flash_args},
    {"erase_flash", "Perform Chip Erase on SPI flash", false,
     [] {
       return Args{force_arg(), spi_connection()};
     }},
    {"erase_region", "Erase a region of the flash", false,
     [] {
       return Args{
           force_arg(), spi_connection(), address_arg(),
           positional("size", "Size of region to erase, or ALL").type(ValueType::kAutoSize)};
     }},
    {"read_flash_sfdp", "Read SPI flash SFDP (Serial Flash Discoverable Parameters)", false,
     read_flash_sfdp_args},
    {"merge_bin", "Merge multiple raw binary files into a single file for later flashing", true,
     merge_bin_args},
    {"get_security_info", "Get some security-related data", false, [] { return Args{}; }},
    {"version", "Print esptool version", true, [] { return Args{}; }},
};

}  // namespace

const std::vector<ArgSpec>& global_options() {
  static const std::vector<ArgSpec> kOptions = make_global_options();
  return kOptions;
}

std::vector<CommandSummary> command_summaries() {
  std::vector<CommandSummary> out;
  for (const CommandRow& row : kCommandRows) out.push_back({row.name, row.help, row.offline});
  return out;
}

const CommandSpec* find_command(std::string_view name) {
  static std::unique_ptr<CommandSpec> built[std::size(kCommandRows)];
  for (size_t i = 0; i < std::size(kCommandRows); ++i) {
    const CommandRow& row = kCommandRows[i];
    if (name != row.name) continue;
    if (!built[i])
      built[i] = std::make_unique<CommandSpec>(cmd(row.name, row.help, row.args(), row.offline));
    return built[i].get();
  }
  return nullptr;
}

}  // namespace esptool::cli
