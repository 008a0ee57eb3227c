// write_flash then read_flash against hw-sim for every simulated chip, ROM-only and with the
// stub (from the esptool-js package installed by the bootstrap), in virtual time: the bytes read
// back must equal what was written, and the MD5 check must have passed.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/engine/link.h"
#include "core/ops/attach_flash.h"
#include "core/ops/connect.h"
#include "core/ops/read_flash.h"
#include "core/ops/run_stub.h"
#include "core/ops/write_flash.h"
#include "core/stub/stub_json.h"
#include "hw-sim/chips/chip_model.h"
#include "hw-sim/device.h"
#include "tests/support/sim_driver.h"

namespace {

using esptool::Bytes;
using esptool::Status;
using esptool::engine::Link;
using esptool::engine::Session;
using esptool::engine::Task;

esptool::stub::StubImage load_stub(const std::string& chip) {
  // esptool-js 0.6.x names: stub_flasher_32c3.json, stub_flasher_8266.json.
  const std::string suffix = chip == "esp8266" ? "8266" : "32" + chip.substr(5);
  const std::string path = std::string(ESPT_SOURCE_DIR) +
                           "/node_modules/esptool-js/lib/targets/stub_flasher/stub_flasher_" + suffix + ".json";
  std::ifstream f(path);
  EXPECT_TRUE(f.good()) << "missing " << path << " (run web/tools/bootstrap.sh)";
  std::string text((std::istreambuf_iterator<char>(f)), {});
  auto stub = esptool::stub::parse_stub_json(text);
  EXPECT_TRUE(stub.ok()) << path;
  return stub.ok() ? stub.value() : esptool::stub::StubImage{};
}

Bytes pattern(size_t n, uint32_t seed) {
  Bytes b(n);
  for (size_t i = 0; i < n; ++i) {
    seed = seed * 1664525 + 1013904223;
    b[i] = (i % 32 < 20) ? uint8_t(i >> 5) : uint8_t(seed >> 24);
  }
  return b;
}

struct Case {
  const char* chip;
  bool stub;
};

class WriteReadE2E : public ::testing::TestWithParam<Case> {};

TEST_P(WriteReadE2E, WrittenBytesReadBackEqualAndVerify) {
  const Case c = GetParam();
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip(c.chip);
  ASSERT_NE(o.chip, nullptr);
  hwsim::Device device(o);
  esptool::testing::SimDriver driver(device);
  Session session;
  const esptool::stub::StubImage stub = c.stub ? load_stub(c.chip) : esptool::stub::StubImage{};
  const Bytes app = pattern(70000, 7);      // crosses a 64 KiB block, not sector-aligned length
  const Bytes small = pattern(1000, 99);
  auto run = driver.run(
      [&](Link& link) -> Task<Status> {
        // g++ 12 miscompiles braced temporaries inside co_await: use named locals.
        const esptool::ops::ConnectOptions connect_opts;
        Status connected = co_await esptool::ops::connect(link, connect_opts);
        if (!connected.ok()) co_return connected;
        if (c.stub) {
          Status started = co_await esptool::ops::run_stub(link, stub);
          if (!started.ok()) co_return started;
        }
        const std::optional<uint32_t> default_pins;
        Status attached = co_await esptool::ops::attach_flash(link, default_pins);
        if (!attached.ok()) co_return attached;
        std::vector<esptool::ops::FlashFile> files = {{0x10000, app, "app.bin"}, {0x8000, small, "small.bin"}};
        const esptool::ops::WriteFlashOptions write_opts;
        Status written = co_await esptool::ops::write_flash(link, files, write_opts);
        if (!written.ok()) co_return written;
        if (std::string(c.chip) == "esp8266" && !c.stub) co_return Status::Ok();  // ROM cannot read
        esptool::Result<Bytes> back = co_await esptool::ops::read_flash(link, 0x10000, uint32_t(app.size()));
        if (!back.ok()) co_return back.error();
        link.report().data = back.value();
        co_return Status::Ok();
      },
      session);
  ASSERT_TRUE(run.status.ok()) << run.status.error().message();
  EXPECT_EQ(std::count(run.logs.begin(), run.logs.end(), "Hash of data verified."),
            std::string(c.chip) == "esp8266" && !c.stub ? 0 : 2);
  if (!(std::string(c.chip) == "esp8266" && !c.stub)) {
    EXPECT_TRUE(run.report.data == app);
  }
  EXPECT_EQ(session.is_stub, c.stub);
}

std::vector<Case> all_cases() {
  std::vector<Case> v;
  for (const char* chip : {"esp8266", "esp32", "esp32s2", "esp32s3", "esp32c3", "esp32c6", "esp32h2"})
    for (bool stub : {false, true}) v.push_back({chip, stub});
  return v;
}

INSTANTIATE_TEST_SUITE_P(ChipsRomAndStub, WriteReadE2E, ::testing::ValuesIn(all_cases()),
                         [](const auto& info) {
                           return std::string(info.param.chip) + (info.param.stub ? "_stub" : "_rom");
                         });

}  // namespace
