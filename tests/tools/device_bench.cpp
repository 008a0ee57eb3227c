// device_bench: the virtual-time device figures of `npm run bench` (issue #3 scope 5). Whole
// write_flash commands (ops::run_device_command, as the CLI runs them) against an in-process
// hw-sim Device (tests/support/sim_driver.h): deterministic, no real waiting.
//   device_bench --stubs DIR [--inputs DIR] [--quick]
// --stubs: the esptool-js stub JSON directory; --inputs: also write the 1 MiB inputs there (the
// wall-clock comparison flashes the same files); --quick: only 1 MiB at 921600 (a smoke run).
// Prints one JSON document on stdout; exits 1 if a write fails, the flash does not hold what
// was written, or the --skip-unchanged reflash takes more than 10% of the full write.
//
// What is counted. A write's time runs from the "Flash will be erased" line (connected, stub
// running, final baud, flash size configured) to the "Wrote ..." line (last block written and
// settled), esptool's own "in T seconds" span; the MD5 check and the connect are reported on
// their own. The physical limit of that span is the wire time of the bytes the host sent in it
// (10 bits per byte at the baud rate: deflated payload + packet headers + SLIP escapes + the
// begin command) plus hw-sim's NOR time for the region (erase + page programs, FlashTiming). The
// stub receives a block while it writes the previous one, so a write can beat wire + flash; the
// overlap bound max(wire, flash) is reported too.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "core/image/elf2image.h"
#include "core/ops/device_command.h"
#include "hw-sim/chips/chip_model.h"
#include "hw-sim/device.h"
#include "tests/support/elf_scenarios.h"
#include "tests/support/fixtures.h"
#include "tests/support/libc_format.h"
#include "tests/support/sim_driver.h"
#include "tests/support/stub_dir.h"

namespace {

using esptool::Bytes;
using esptool::ops::DeviceRequest;
using esptool::testing::SimRun;
using Json = nlohmann::ordered_json;

constexpr uint32_t kMiB = 1u << 20;
constexpr uint32_t kAppOffset = 0x10000;
constexpr double kSkipUnchangedLimit = 0.10;  // issue #3: at most 10% of the full write

esptool::stub::StubFiles g_stubs;
bool g_failed = false;

void fail(const std::string& what) {
  std::fprintf(stderr, "device_bench: %s\n", what.c_str());
  g_failed = true;
}

void write_file(const std::string& path, const Bytes& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  if (!out) fail("cannot write " + path);
}

// An ESP32 app image (elf2image of the benchmark app ELF) of at most `limit` bytes, as large as
// a few tries get it; the caller pads to the exact size with erased bytes.
Bytes app_image(uint32_t limit) {
  size_t flash_bytes = limit;
  for (int attempt = 0; attempt < 6; ++attempt) {
    esptool::image::Elf2ImageOptions o;
    o.chip = "esp32";
    o.flash_mode = "dio";
    o.flash_freq = "40m";
    o.flash_size = "4MB";
    auto out = esptool::image::elf2image(esptool::testing::esp32_large_app_elf(flash_bytes), o);
    if (!out.ok() || out.value().files.empty()) break;
    Bytes image = out.value().files[0].data;
    if (image.size() <= limit && image.size() + 0x2000 > limit) return image;
    const int64_t excess = int64_t(image.size()) - int64_t(limit);
    flash_bytes = size_t(int64_t(flash_bytes) - excess - (excess > 0 ? 0x800 : -0x800));
  }
  fail("could not make an app image close to the requested size");
  return {};
}

Bytes padded(Bytes data, uint32_t size) {
  data.resize(size, 0xFF);
  return data;
}

Bytes random_bytes(uint32_t size, uint32_t seed) {
  std::mt19937 rng(seed);
  Bytes b(size);
  for (auto& x : b) x = uint8_t(rng());
  return b;
}

// A 4 MiB flash image as merge_bin --fill-flash-size 4MB makes it: bootloader at 0x1000,
// partition table at 0x8000, an app filling the rest from 0x10000.
Bytes merged_flash_image() {
  Bytes flash(4 * kMiB, 0xFF);
  for (const auto& f : esptool::testing::all_fixtures()) {
    if (f.name == "boot_esp32.bin") std::copy(f.bytes.begin(), f.bytes.end(), flash.begin() + 0x1000);
    if (f.name == "partitions.bin") std::copy(f.bytes.begin(), f.bytes.end(), flash.begin() + 0x8000);
  }
  const Bytes app = app_image(4 * kMiB - kAppOffset);
  std::copy(app.begin(), app.end(), flash.begin() + kAppOffset);
  return flash;
}

// hw-sim's NOR time for writing `size` bytes at `offset`, the least the flash needs: the covered
// sectors erased with 64 KiB block erases wherever a whole aligned block is covered (as the stub
// does; the ROM's legacy order uses more sector erases), plus one program per 256-byte page.
double flash_ms(uint32_t offset, uint32_t size) {
  hwsim::NorFlash scratch(4 * kMiB);
  const uint32_t end = (offset + size + hwsim::kSectorSize - 1) & ~(hwsim::kSectorSize - 1);
  double t = 0.0;
  for (uint32_t at = offset & ~(hwsim::kSectorSize - 1); at < end;) {
    if (at % hwsim::kBlockSize == 0 && end - at >= hwsim::kBlockSize) {
      t = scratch.erase_block(at, t);
      at += hwsim::kBlockSize;
    } else {
      t = scratch.erase_sector(at, t);
      at += hwsim::kSectorSize;
    }
  }
  return scratch.program(offset, Bytes(size, 0x00), t);
}

struct Sim {
  explicit Sim(const char* chip) : device(options(chip)), driver(device) {}
  static hwsim::DeviceOptions options(const char* chip) {
    hwsim::DeviceOptions o;
    o.chip = hwsim::find_chip(chip);
    o.power_on_download = false;
    return o;
  }
  SimRun run(const DeviceRequest& req) {
    esptool::engine::Session session;  // a new CLI invocation: nothing known about the port
    return driver.run([req](esptool::engine::Link& link) { return esptool::ops::run_device_command(link, req); },
                      session);
  }
  hwsim::Device device;
  esptool::testing::SimDriver driver;
};

// Index of the first log line starting with `prefix`, or -1.
int line(const SimRun& r, const char* prefix) {
  for (size_t i = 0; i < r.logs.size(); ++i)
    if (r.logs[i].rfind(prefix, 0) == 0) return int(i);
  return -1;
}

DeviceRequest write_request(const char* chip, uint32_t baud, bool stub, uint32_t offset, const Bytes& data) {
  DeviceRequest req;
  req.chip = chip;
  req.command = "write_flash";
  req.baud = baud;
  req.no_stub = !stub;
  req.stubs = g_stubs;
  req.force = true;  // the esp32c3 runs write the esp32 app too
  req.files = {{offset, data, "data.bin"}};
  return req;
}

// Phase figures of one write_flash run; empty (and a failure noted) when it did not complete.
Json phases(const SimRun& r, const std::string& label, uint32_t baud) {
  const int ready = line(r, "Flash will be erased");
  const int wrote = line(r, "Wrote ");
  const int verified = line(r, "Hash of data verified.");
  if (!r.status.ok() || ready < 0 || wrote < 0 || verified < 0) {
    fail(label + ": " + (r.status.ok() ? "log lines missing" : r.status.error().message()));
    return Json();
  }
  const auto& a = r.log_stamps[size_t(ready)];
  const auto& b = r.log_stamps[size_t(wrote)];
  const auto& c = r.log_stamps[size_t(verified)];
  Json j;
  j["readyMs"] = a.ms - r.start_ms;
  j["writeMs"] = b.ms - a.ms;
  j["verifyMs"] = c.ms - b.ms;
  j["totalMs"] = r.end_ms - r.start_ms;
  j["hostBytes"] = b.bytes_to_device - a.bytes_to_device;
  j["deviceBytes"] = b.bytes_from_device - a.bytes_from_device;
  j["wireMs"] = double(b.bytes_to_device - a.bytes_to_device) * 10.0 * 1000.0 / baud;
  j["wroteLine"] = r.logs[size_t(wrote)];
  return j;
}

struct Input {
  std::string kind;  // firmware | random
  uint32_t size;
  uint32_t offset;
  Bytes data;
};

Json write_case(const char* chip, bool stub, uint32_t baud, const Input& in) {
  const std::string label = esptool::strprintf("%s %s %u %s %u", chip, stub ? "stub" : "rom", baud,
                                      in.kind.c_str(), in.size);
  Sim sim(chip);
  SimRun r = sim.run(write_request(chip, baud, stub, in.offset, in.data));
  Json j;
  j["chip"] = chip;
  j["loader"] = stub ? "stub" : "rom";
  j["baud"] = baud;
  j["data"] = in.kind;
  j["bytes"] = in.size;
  j["offset"] = in.offset;
  Json p = phases(r, label, baud);
  if (p.is_null()) return j;
  const auto flash = sim.device.flash().contents();
  if (!std::equal(in.data.begin(), in.data.end(), flash.begin() + in.offset)) {
    fail(label + ": the flash does not hold the data written");
  }
  const double fl = flash_ms(in.offset, in.size);
  const double wire = p["wireMs"];
  const double write = p["writeMs"];
  j.update(p);
  j["flashMs"] = fl;
  j["limitMs"] = wire + fl;
  j["ratio"] = write / (wire + fl);
  j["overlapRatio"] = write / std::max(wire, fl);
  std::fprintf(stderr, "device_bench: %s: %.0f ms (%.2f of wire + flash)\n", label.c_str(), write,
               write / (wire + fl));
  return j;
}

Json connect_case(const char* chip, bool stub, uint32_t baud) {
  Sim sim(chip);
  const Bytes small = random_bytes(0x1000, 7);
  SimRun r = sim.run(write_request(chip, baud, stub, kAppOffset, small));
  const int ready = line(r, "Flash will be erased");
  const int stub_line = line(r, "Stub running...");
  if (!r.status.ok() || ready < 0) {
    fail(esptool::strprintf("connect %s: %s", chip, r.status.ok() ? "no ready line" : r.status.error().message().c_str()));
    return Json();
  }
  Json j;
  j["chip"] = chip;
  j["loader"] = stub ? "stub" : "rom";
  j["baud"] = baud;
  j["readyMs"] = r.log_stamps[size_t(ready)].ms - r.start_ms;
  if (stub_line >= 0) j["stubRunningMs"] = r.log_stamps[size_t(stub_line)].ms - r.start_ms;
  j["hostBytes"] = r.log_stamps[size_t(ready)].bytes_to_device;
  return j;
}

// Full write of the 4 MiB image, then the same image with one 4 KiB sector changed written with
// --skip-unchanged to the same device; both whole commands (connect to reset), as a user sees them.
Json skip_unchanged_case(uint32_t baud, const Bytes& image) {
  Sim sim("esp32");
  DeviceRequest full = write_request("esp32", baud, true, 0, image);
  SimRun a = sim.run(full);
  Bytes changed = image;
  const uint32_t sector = 0x200000;
  for (uint32_t i = 0; i < 0x1000; ++i) changed[sector + i] ^= 0x5A;
  DeviceRequest again = write_request("esp32", baud, true, 0, changed);
  again.skip_unchanged = true;
  SimRun b = sim.run(again);
  const std::string label = esptool::strprintf("skip-unchanged %u", baud);
  if (!a.status.ok() || !b.status.ok()) {
    fail(label + ": " + (a.status.ok() ? b.status : a.status).error().message());
    return Json();
  }
  const auto flash = sim.device.flash().contents();
  if (!std::equal(changed.begin(), changed.end(), flash.begin())) fail(label + ": flash differs");
  Json j;
  j["baud"] = baud;
  j["bytes"] = image.size();
  j["changedBytes"] = 0x1000;
  j["fullMs"] = a.end_ms - a.start_ms;
  j["reflashMs"] = b.end_ms - b.start_ms;
  j["fraction"] = (b.end_ms - b.start_ms) / (a.end_ms - a.start_ms);
  j["limit"] = kSkipUnchangedLimit;
  const int skip = line(b, "Skipping unchanged data");
  if (skip >= 0) j["skipLine"] = b.logs[size_t(skip)];
  if (double(j["fraction"]) > kSkipUnchangedLimit) {
    fail(esptool::testing::libc_format(
        "%s: the reflash took %.1f%% of the full write (limit %.0f%%)", label.c_str(),
        double(j["fraction"]) * 100, kSkipUnchangedLimit * 100));
  }
  return j;
}

}  // namespace

int main(int argc, char** argv) {
  std::string stubs_dir, inputs_dir;
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--stubs") && i + 1 < argc) stubs_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--inputs") && i + 1 < argc) inputs_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--quick")) quick = true;
    else {
      std::fprintf(stderr, "usage: device_bench --stubs DIR [--inputs DIR] [--quick]\n");
      return 2;
    }
  }
  g_stubs = esptool::testing::read_stub_dir(stubs_dir);
  if (g_stubs.empty()) {
    std::fprintf(stderr, "device_bench: no stub JSON files in '%s'\n", stubs_dir.c_str());
    return 2;
  }

  const Bytes merged = merged_flash_image();
  std::vector<Input> inputs = {
      {"firmware", kMiB, kAppOffset, padded(app_image(kMiB), kMiB)},
      {"random", kMiB, kAppOffset, random_bytes(kMiB, 1)},
      {"firmware", 4 * kMiB, 0, merged},
      {"random", 4 * kMiB, 0, random_bytes(4 * kMiB, 2)},
  };
  if (!inputs_dir.empty()) {
    write_file(inputs_dir + "/firmware_1MiB.bin", inputs[0].data);
    write_file(inputs_dir + "/random_1MiB.bin", inputs[1].data);
  }

  Json out;
  Json writes = Json::array();
  for (const Input& in : inputs) {
    if (quick && in.size != kMiB) continue;
    for (uint32_t baud : {115200u, 921600u}) {
      if (quick && baud != 921600) continue;
      writes.push_back(write_case("esp32", true, baud, in));
      // The ROM loader writes uncompressed 1 KiB blocks: 1 MiB is enough to show it.
      if (in.size == kMiB) writes.push_back(write_case("esp32", false, baud, in));
      if (in.size == kMiB && baud == 921600) writes.push_back(write_case("esp32c3", true, baud, in));
    }
  }
  out["writes"] = writes;

  Json connects = Json::array();
  for (const char* chip : {"esp8266", "esp32", "esp32s2", "esp32s3", "esp32c3", "esp32c6", "esp32h2"}) {
    if (quick && std::strcmp(chip, "esp32") != 0) continue;
    connects.push_back(connect_case(chip, true, 921600));
    connects.push_back(connect_case(chip, true, 115200));
    connects.push_back(connect_case(chip, false, 115200));
  }
  out["connects"] = connects;

  Json skips = Json::array();
  for (uint32_t baud : {115200u, 921600u}) {
    if (quick && baud != 921600) continue;
    skips.push_back(skip_unchanged_case(baud, merged));
  }
  out["skipUnchanged"] = skips;
  out["flashTiming"] = {{"sectorEraseMs", hwsim::FlashTiming{}.sector_erase},
                        {"blockEraseMs", hwsim::FlashTiming{}.block_erase},
                        {"pageProgramMs", hwsim::FlashTiming{}.page_program}};
  out["ok"] = !g_failed;
  std::printf("%s\n", out.dump(2).c_str());
  return g_failed ? 1 : 0;
}
