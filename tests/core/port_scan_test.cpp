// core/cli/port_scan: which ports a device command without --port tries, in which order
// (esptool/__init__.py@v4.8.1 get_port_list + get_default_connected_device, known ids first).
#include <gtest/gtest.h>

#include "core/cli/port_scan.h"

namespace {

using esptool::cli::ListedPort;
using esptool::cli::parse_port_filter;
using esptool::cli::PortFilter;
using esptool::cli::scan_order;
using Paths = std::vector<std::string>;

const std::vector<ListedPort> kPorts = {
    {"/dev/ttyS0", std::nullopt, std::nullopt},   // on-board UART, no USB id
    {"/dev/ttyUSB0", 0x10C4, 0xEA60},              // CP2102
    {"/dev/ttyACM0", 0x303A, 0x1001},              // USB-JTAG-Serial
    {"/dev/ttyACM1", 0x2341, 0x0043},              // some other CDC device
    {"/dev/ttyUSB1", 0x1A86, 0x7523},              // CH340
    {"/dev/cu.Bluetooth-Incoming-Port", std::nullopt, std::nullopt},
};

TEST(PortScan, EspressifThenBridgesThenTheRestEachInEsptoolsReverseSortedOrder) {
  EXPECT_EQ(scan_order(kPorts, PortFilter{}),
            (Paths{"/dev/ttyACM0", "/dev/ttyUSB1", "/dev/ttyUSB0", "/dev/ttyS0", "/dev/ttyACM1"}));
}

TEST(PortScan, VidAndPidFiltersDropPortsWithoutUsbIds) {
  PortFilter f;
  f.vids = {0x10C4, 0x1A86};
  EXPECT_EQ(scan_order(kPorts, f), (Paths{"/dev/ttyUSB1", "/dev/ttyUSB0"}));
  f.pids = {0x7523};
  EXPECT_EQ(scan_order(kPorts, f), (Paths{"/dev/ttyUSB1"}));
}

TEST(PortScan, NameFilterMatchesASubstringOfTheLastPathComponent) {
  PortFilter f;
  f.names = {"ACM", "nothing"};
  EXPECT_EQ(scan_order(kPorts, f), (Paths{"/dev/ttyACM0", "/dev/ttyACM1"}));
  f.names = {"dev"};  // the directory is not part of the name
  EXPECT_TRUE(scan_order(kPorts, f).empty());
  PortFilter com;
  com.names = {"COM"};
  EXPECT_EQ(scan_order({{"COM4", 0x10C4, 0xEA60}, {"COM3", std::nullopt, std::nullopt}}, com),
            (Paths{"COM4", "COM3"}));
}

TEST(PortScan, FilterArgumentsParseAsEsptoolDoes) {
  auto f = parse_port_filter({"vid=0x303A", "pid=4097", "name=ttyUSB"});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->vids, std::vector<uint32_t>{0x303A});
  EXPECT_EQ(f->pids, std::vector<uint32_t>{0x1001});
  EXPECT_EQ(f->names, Paths{"ttyUSB"});
  EXPECT_EQ(parse_port_filter({"vid=1=2"}).error().message(),
            "Option --port-filter argument must consist of key=value");
  EXPECT_EQ(parse_port_filter({"serial=1"}).error().message(),
            "Option --port-filter argument key not recognized");
  EXPECT_FALSE(parse_port_filter({"vid=zz"}).ok());
}

TEST(PortScan, NoDeviceErrorCountsThePortsTried) {
  EXPECT_EQ(esptool::cli::no_device_error(0).message(),
            "Could not connect to an Espressif device on any of the 0 available serial ports.");
  EXPECT_EQ(esptool::cli::found_ports_line(3), "Found 3 serial ports");
}

}  // namespace
