// Device::skip_ahead (the unpaced drivers' clock: the chip's own waits pass at once, the host's
// reset sequence does not) and Device::set_faults (a fault plan swapped in mid-session).
#include <gtest/gtest.h>

#include "hw-sim/device.h"
#include "hw-sim/line/auto_reset.h"
#include "tests/sim/support/rom_fixture.h"

namespace {

using simtest::Bytes;
using simtest::le32_bytes;
using simtest::request;
using simtest::slip;

hwsim::DeviceOptions esp32() {
  hwsim::DeviceOptions o;
  o.chip = hwsim::find_chip("esp32");
  return o;
}

TEST(DeviceSkipAhead, QueuedOutputIsCompleteAtOnce) {
  hwsim::Device device(esp32());  // power-on banner queued at 115200 (~ms per 10 bytes)
  const hwsim::Millis reached = device.skip_ahead(0.0, 1000);
  EXPECT_GT(reached, 1.0);
  EXPECT_FALSE(device.take_output(reached).empty());
  EXPECT_EQ(device.next_event_time(), hwsim::kNever) << "idle: waiting for the host";
  EXPECT_EQ(device.skip_ahead(reached, 1000), reached) << "nothing to skip when idle";
}

TEST(DeviceSkipAhead, ACommandIsAnsweredWithoutWaitingForTheWire) {
  hwsim::Device device(esp32());
  hwsim::Millis now = device.skip_ahead(0.0, 1000);
  device.take_output(now);
  device.host_write(slip(request(0x0A, le32_bytes({0x40001000}))), now);
  now = device.skip_ahead(now, 1000);
  const Bytes reply = device.take_output(now);
  ASSERT_GE(reply.size(), 10u);
  EXPECT_EQ(reply[0], 0xC0);
  EXPECT_EQ(reply[2], 0x0A) << "READ_REG reply";
}

TEST(DeviceSkipAhead, StopsBeforeTheResetCircuitBoots) {
  hwsim::DeviceOptions o = esp32();
  o.power_on_download = false;
  hwsim::Device device(o);
  hwsim::Millis now = device.skip_ahead(0.0, 1000);
  device.take_output(now);
  device.set_signals(false, true, now);        // EN low
  device.set_signals(true, true, now + 100);   // EN released: the RC delay starts
  device.host_write(Bytes(10, 0x55), now + 100);  // chip-side work before the boot is skipped
  const hwsim::Millis reached = device.skip_ahead(now + 100, 1000);
  EXPECT_GT(reached, now + 100.5);
  EXPECT_LT(reached, now + 100 + hwsim::kEnRiseDelay) << "the boot waits for the host's time";
  device.set_signals(true, false, now + 101);  // IO0 low before EN is high: download mode
  device.advance(now + 150);
  device.set_signals(false, false, now + 150);
  now = device.skip_ahead(now + 150, 1000);
  const Bytes text = device.take_output(now);
  EXPECT_NE(std::string(text.begin(), text.end()).find("DOWNLOAD"), std::string::npos);
  EXPECT_EQ(device.mode(), hwsim::DeviceMode::kRom);
}

TEST(DeviceSkipAhead, StepsAreBounded) {
  hwsim::Device device(esp32());
  device.host_write(Bytes(1000, 0x55), 0.0);  // 1000 bytes: one event each on the wire
  const hwsim::Millis reached = device.skip_ahead(0.0, 10);
  EXPECT_LT(reached, 2.0) << "10 steps of 0.087 ms, not the 87 ms the bytes take";
  EXPECT_LT(device.next_event_time(), device.next_boot_time()) << "work is left";
}

TEST(DeviceSetFaults, ANewPlanCountsFromNow) {
  hwsim::DeviceOptions o = esp32();
  simtest::Rig rig("esp32", o);
  ASSERT_TRUE(rig.sync());
  std::string error;
  rig.device->set_faults(*hwsim::parse_fault_plan("disconnect_at=5", &error), 1);
  EXPECT_FALSE(rig.device->link_lost());
  rig.host->send(request(0x0A, le32_bytes({0x40001000})));
  rig.host->flush(20);
  EXPECT_TRUE(rig.device->link_lost()) << "the 5th byte after the change";
  rig.device->clear_link_lost();
  rig.device->set_faults(hwsim::FaultPlan{}, 1);
  EXPECT_TRUE(rig.call(0x0A, le32_bytes({0x40001000})).has_value());
  EXPECT_FALSE(rig.device->link_lost());
}

}  // namespace
