// hw-sim's Improv Wi-Fi serial service (hw-sim/app/improv_service.*) from hand-written packets
// (improv-wifi.com/serial): device info, scan, provisioning with right and wrong credentials,
// bad checksums and unknown commands, and console text that is not a packet.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hw-sim/app/improv_service.h"
#include "hw-sim/device.h"

namespace {

using hwsim::Bytes;

// "IMPROV" 01 03 len [cmd, n, data...] checksum '\n', built here without the service's code.
Bytes rpc(uint8_t command, const Bytes& data) {
  Bytes p = {'I', 'M', 'P', 'R', 'O', 'V', 1, 3, static_cast<uint8_t>(data.size() + 2), command,
             static_cast<uint8_t>(data.size())};
  for (uint8_t b : data) p.push_back(b);  // (insert() trips g++ 12's -Warray-bounds here)
  unsigned s = 0;
  for (uint8_t b : p) s += b;
  p.push_back(static_cast<uint8_t>(s));
  p.push_back('\n');
  return p;
}

Bytes feed(hwsim::ImprovService& service, const Bytes& bytes) {
  Bytes out;
  for (uint8_t b : bytes) {
    Bytes r = service.push(b);
    out.insert(out.end(), r.begin(), r.end());
  }
  return out;
}

// Splits device output into packets: {type, data}.
std::vector<std::pair<uint8_t, Bytes>> packets(const Bytes& out) {
  std::vector<std::pair<uint8_t, Bytes>> list;
  size_t at = 0;
  while (at + 9 <= out.size()) {
    EXPECT_EQ(std::string(out.begin() + at, out.begin() + at + 6), "IMPROV");
    const uint8_t len = out[at + 8];
    unsigned s = 0;
    for (size_t i = at; i < at + 9 + len; ++i) s += out[i];
    EXPECT_EQ(out[at + 9 + len], static_cast<uint8_t>(s)) << "checksum";
    EXPECT_EQ(out[at + 10 + len], '\n');
    list.push_back({out[at + 7], Bytes(out.begin() + at + 9, out.begin() + at + 9 + len)});
    at += 11 + len;
  }
  EXPECT_EQ(at, out.size());
  return list;
}

Bytes str(const std::string& s) { return Bytes(s.begin(), s.end()); }

TEST(ImprovService, DeviceInfoIsFourStringsAfterClearingTheError) {
  hwsim::ImprovService service({.firmware = "Blinky", .version = "1.2.3", .chip_variant = "esp32s3", .device_name = "Lamp"});
  auto list = packets(feed(service, rpc(0x03, {})));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0], (std::pair<uint8_t, Bytes>{0x02, {0x00}}));
  const Bytes want = {0x03, 26, 6, 'B', 'l', 'i', 'n', 'k', 'y', 5, '1', '.', '2', '.', '3', 7, 'e', 's', 'p', '3', '2', 's', '3', 4, 'L', 'a', 'm', 'p'};
  EXPECT_EQ(list[1].first, 0x04);
  EXPECT_EQ(list[1].second, want);
}

TEST(ImprovService, ConsoleTextAndNewlinesAreNotPackets) {
  hwsim::ImprovService service({});
  EXPECT_TRUE(feed(service, str("help\nIMPROX 123\n\n")).empty());
  EXPECT_EQ(packets(feed(service, rpc(0x02, {}))).back(), (std::pair<uint8_t, Bytes>{0x01, {0x02}}));
}

TEST(ImprovService, ScanListsNetworksThenAnEmptyResult) {
  hwsim::ImprovService service({});
  auto list = packets(feed(service, rpc(0x04, {})));
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[3].second, (Bytes{0x04, 0x00}));
}

TEST(ImprovService, RightCredentialsProvisionAndGiveTheUrl) {
  hwsim::ImprovService service({.ssid = "MyWirelessAP", .password = "mysecurepassword", .provisioned_url = "http://x/"});
  // serial.md's example: 01 1E 0C {MyWirelessAP} 10 {mysecurepassword}
  Bytes data = {0x0C};
  Bytes ssid = str("MyWirelessAP"), pw = str("mysecurepassword");
  data.insert(data.end(), ssid.begin(), ssid.end());
  data.push_back(0x10);
  data.insert(data.end(), pw.begin(), pw.end());
  ASSERT_EQ(data.size(), 0x1Eu);
  auto list = packets(feed(service, rpc(0x01, data)));
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[1], (std::pair<uint8_t, Bytes>{0x01, {0x03}}));
  EXPECT_EQ(list[2], (std::pair<uint8_t, Bytes>{0x01, {0x04}}));
  EXPECT_EQ(list[3].second, (Bytes{0x01, 10, 9, 'h', 't', 't', 'p', ':', '/', '/', 'x', '/'}));
  EXPECT_TRUE(service.is_provisioned());
}

TEST(ImprovService, WrongPasswordIsUnableToConnect) {
  hwsim::ImprovService service({});
  Bytes data = {10};
  Bytes ssid = str("hw-sim-net");
  data.insert(data.end(), ssid.begin(), ssid.end());
  data.push_back(1);
  data.push_back('x');
  auto list = packets(feed(service, rpc(0x01, data)));
  EXPECT_EQ(list.back(), (std::pair<uint8_t, Bytes>{0x02, {0x03}}));
  EXPECT_FALSE(service.is_provisioned());
}

TEST(ImprovService, BadChecksumAndUnknownCommandAreErrorStates) {
  hwsim::ImprovService service({});
  Bytes bad = rpc(0x03, {});
  bad[bad.size() - 2] ^= 0xFF;
  EXPECT_EQ(packets(feed(service, bad)).back(), (std::pair<uint8_t, Bytes>{0x02, {0x01}}));
  EXPECT_EQ(packets(feed(service, rpc(0x7E, {}))).back(), (std::pair<uint8_t, Bytes>{0x02, {0x02}}));
}

}  // namespace

// The service inside a Device: a flashed app boots and answers Improv at 115200.
namespace {

hwsim::Bytes flash_with_app() {
  hwsim::Bytes flash(0x2000, 0xFF);
  const uint8_t header[24] = {0xE9, 1, 2, 0x20, 0x00, 0x00, 0x08, 0x40};
  std::copy(std::begin(header), std::end(header), flash.begin() + 0x1000);
  const uint8_t segment[12] = {0x00, 0x00, 0xFF, 0x3F, 4, 0, 0, 0, 1, 2, 3, 4};
  std::copy(std::begin(segment), std::end(segment), flash.begin() + 0x1000 + 24);
  return flash;
}

TEST(ImprovApp, AFlashedAppAnswersDeviceInfoAt115200) {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip("esp32");
  o.power_on_download = false;
  o.initial_flash = flash_with_app();
  o.app_improv = true;
  o.improv.firmware = "Blinky";
  hwsim::Device device(o);
  device.advance(500);
  const hwsim::Bytes boot = device.take_output(500);
  EXPECT_NE(std::string(boot.begin(), boot.end()).find("Improv Wi-Fi serial ready"), std::string::npos);
  device.host_write(rpc(0x03, {}), 500);
  device.advance(700);
  const hwsim::Bytes out = device.take_output(700);
  const std::string text(out.begin(), out.end());
  EXPECT_NE(text.find("IMPROV"), std::string::npos);
  EXPECT_NE(text.find("Blinky"), std::string::npos) << text;
}

TEST(ImprovApp, WithoutTheOptionTheAppIgnoresPackets) {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip("esp32");
  o.power_on_download = false;
  o.initial_flash = flash_with_app();
  hwsim::Device device(o);
  device.advance(500);
  device.take_output(500);
  device.host_write(rpc(0x03, {}), 500);
  device.advance(700);
  EXPECT_TRUE(device.take_output(700).empty());
}

}  // namespace
