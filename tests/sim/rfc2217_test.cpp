// Server pieces without sockets: Telnet parsing and option negotiation as pyserial's RFC 2217
// client drives them, the ResetBridge's replay of esptool's reset sequences, option parsing.
#include "hw-sim/server/rfc2217.h"

#include <gtest/gtest.h>

#include "hw-sim/server/options.h"
#include "hw-sim/server/reset_bridge.h"
#include "hw-sim/server/telnet.h"
#include "tests/sim/support/sim_host.h"

namespace {

using hwsim::Bytes;
using namespace hwsim::server;
using namespace hwsim::server::telnet;

bool contains(const Bytes& hay, const Bytes& needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

TEST(TelnetParser, SeparatesDataNegotiationAndSubnegotiation) {
  Bytes data;
  std::vector<std::pair<uint8_t, uint8_t>> negotiations;
  std::vector<Bytes> subs;
  TelnetParser parser({[&](uint8_t b) { data.push_back(b); },
                       [&](uint8_t c, uint8_t o) { negotiations.emplace_back(c, o); },
                       [&](std::span<const uint8_t> s) { subs.emplace_back(s.begin(), s.end()); }});
  parser.feed(Bytes{1, kIac, kIac, 2, kIac, kWill, kComPort, kIac, kSb, kComPort, 5, kIac, kIac,
                    kIac, kSe, 3});
  EXPECT_EQ(data, (Bytes{1, 0xFF, 2, 3}));
  ASSERT_EQ(negotiations.size(), 1u);
  EXPECT_EQ(negotiations[0], std::make_pair(kWill, kComPort));
  ASSERT_EQ(subs.size(), 1u);
  EXPECT_EQ(subs[0], (Bytes{kComPort, 5, 0xFF}));
}

TEST(OptionTable, AcknowledgesOurRequestsSilentlyAndAnswersNewOnes) {
  OptionTable table({kBinary, kEcho, kSga, kComPort}, {kBinary, kSga, kComPort});
  Bytes out;
  table.request_local(kComPort, &out);
  out.clear();
  table.receive(kDo, kComPort, &out);
  EXPECT_TRUE(out.empty()) << "DO answers our WILL: no reply";
  EXPECT_TRUE(table.local_enabled(kComPort));
  table.receive(kWill, kComPort, &out);
  EXPECT_EQ(out, (Bytes{kIac, kDo, kComPort}));
  out.clear();
  table.receive(kWill, 0x18, &out);  // terminal type: refused
  EXPECT_EQ(out, (Bytes{kIac, kDont, 0x18}));
}

struct BridgeRig {
  explicit BridgeRig(bool pass_through) : device(options()), bridge(device, pass_through) {}
  static hwsim::DeviceOptions options() {
    hwsim::DeviceOptions o;
    o.chip = hwsim::find_chip("esp32");
    o.power_on_download = false;
    return o;
  }
  void at(hwsim::Millis t) {
    bridge.poll(t);
    device.advance(t);
  }
  hwsim::Device device;
  ResetBridge bridge;
};

TEST(ResetBridge, EsptoolClassicResetOverTheNetworkReachesDownloadMode) {
  // pyserial waits ~50 ms for each acknowledgement: the changes arrive far apart.
  BridgeRig rig(false);
  rig.bridge.set_dtr(false, 10);
  rig.bridge.set_rts(true, 60);
  rig.bridge.set_dtr(false, 110);
  rig.at(210);
  rig.bridge.set_dtr(true, 210);
  rig.at(260);
  rig.bridge.set_rts(false, 260);
  rig.bridge.set_dtr(true, 310);
  rig.at(410);
  rig.bridge.set_dtr(false, 410);
  rig.at(500);
  EXPECT_EQ(rig.device.mode(), hwsim::DeviceMode::kRom);
}

TEST(ResetBridge, HardResetBootsFromFlash) {
  BridgeRig rig(false);
  rig.bridge.set_dtr(true, 0);  // download first
  rig.at(200);
  rig.bridge.set_dtr(false, 200);
  rig.bridge.set_rts(true, 300);
  rig.bridge.set_rts(false, 400);
  rig.at(600);
  EXPECT_EQ(rig.device.mode(), hwsim::DeviceMode::kApp);
}

TEST(ResetBridge, PassThroughAppliesChangesAsTheyCome) {
  BridgeRig rig(true);
  rig.bridge.set_rts(true, 0);
  rig.at(1);
  EXPECT_EQ(rig.device.mode(), hwsim::DeviceMode::kInReset);
}

TEST(Rfc2217Link, AnswersBaudControlAndPurgeWithServerCodes) {
  hwsim::DeviceOptions o = BridgeRig::options();
  hwsim::Device device(o);
  Rfc2217Link link(device, true);
  Bytes out;
  link.on_connect(0);
  link.collect(0, &out);
  EXPECT_TRUE(contains(out, Bytes{kIac, kWill, kComPort}));
  out.clear();
  link.on_bytes(Bytes{kIac, kSb, kComPort, 1,  0x00, 0x0E, 0x10, 0x00, kIac, kSe,  // 921600
                      kIac, kSb, kComPort, 5,  11,   kIac, kSe,                    // RTS on
                      kIac, kSb, kComPort, 12, 1,    kIac, kSe},                   // purge rx
                1);
  link.collect(1, &out);
  EXPECT_TRUE(contains(out, Bytes{kIac, kSb, kComPort, 101, 0x00, 0x0E, 0x10, 0x00, kIac, kSe}));
  EXPECT_TRUE(contains(out, Bytes{kIac, kSb, kComPort, 105, 11, kIac, kSe}));
  EXPECT_TRUE(contains(out, Bytes{kIac, kSb, kComPort, 112, 1, kIac, kSe}));
}

TEST(Rfc2217Link, DoublesIacInChipOutput) {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip("esp32");
  hwsim::Device device(o);
  Rfc2217Link link(device, true);
  link.on_connect(0);
  Bytes out;
  auto run = [&](double from, double to) {
    for (double t = from; t < to; t += 1) {
      link.poll(t);
      link.collect(t, &out);
    }
  };
  run(0, 20);
  // WRITE_REG 0xFFFFFFFF to RAM (0xFF doubled on the way in too), then READ_REG it: the
  // reply's value field is four 0xFF bytes.
  Bytes write_reg;
  for (uint8_t b : simtest::slip(
           simtest::request(0x09, simtest::le32_bytes({0x3FFB0000, 0xFFFFFFFF, 0xFFFFFFFF, 0})))) {
    write_reg.push_back(b);
    if (b == kIac) write_reg.push_back(kIac);
  }
  link.on_bytes(write_reg, 20);
  run(20, 40);
  out.clear();
  link.on_bytes(simtest::slip(simtest::request(0x0A, simtest::le32_bytes({0x3FFB0000}))), 40);
  run(40, 60);
  EXPECT_TRUE(
      contains(out, Bytes{0x0A, 0x04, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}));
}

TEST(ServerOptions, ParsesSizesAndRejectsBadInput) {
  EXPECT_EQ(parse_size("4MB"), 4u * 1024 * 1024);
  EXPECT_EQ(parse_size("512KB"), 512u * 1024);
  EXPECT_EQ(parse_size("0x200000"), 2u * 1024 * 1024);
  EXPECT_FALSE(parse_size("4XB").has_value());
  std::string error;
  const char* good[] = {"hw-sim",     "--chip",   "esp32c6",      "--port", "0",
                        "--protocol", "raw",      "--flash-size", "8MB",    "--baud-pacing",
                        "on",         "--faults", "drop=0.1",     "--seed", "9"};
  const auto options = parse_options(15, const_cast<char**>(good), &error);
  ASSERT_TRUE(options) << error;
  EXPECT_EQ(options->chip, "esp32c6");
  EXPECT_EQ(options->protocol, Protocol::kRaw);
  EXPECT_EQ(options->flash_size, 8u * 1024 * 1024);
  EXPECT_TRUE(options->baud_pacing);
  EXPECT_DOUBLE_EQ(options->faults.drop, 0.1);
  EXPECT_EQ(options->seed, 9u);
  const char* bad[] = {"hw-sim", "--chip", "esp99"};
  EXPECT_FALSE(parse_options(3, const_cast<char**>(bad), &error));
  EXPECT_NE(error.find("esp99"), std::string::npos);
}

TEST(ServerOptions, UsbOtgAndSecureBootAreCheckedAgainstTheChip) {
  std::string error;
  const char* s3[] = {"hw-sim", "--chip", "esp32s3", "--usb-otg", "--secure-boot"};
  const auto options = parse_options(5, const_cast<char**>(s3), &error);
  ASSERT_TRUE(options) << error;
  EXPECT_TRUE(options->usb_otg);
  EXPECT_TRUE(options->secure_boot);
  const char* c3_otg[] = {"hw-sim", "--chip", "esp32c3", "--usb-otg"};
  EXPECT_FALSE(parse_options(4, const_cast<char**>(c3_otg), &error));
  EXPECT_NE(error.find("no USB-OTG console"), std::string::npos) << error;
  const char* both[] = {"hw-sim", "--chip", "esp32s3", "--usb-otg", "--usb-jtag-serial"};
  EXPECT_FALSE(parse_options(5, const_cast<char**>(both), &error));
  const char* esp8266_sb[] = {"hw-sim", "--chip", "esp8266", "--secure-boot"};
  EXPECT_FALSE(parse_options(4, const_cast<char**>(esp8266_sb), &error));
  EXPECT_NE(error.find("--secure-boot"), std::string::npos) << error;
}

}  // namespace
