// AutoResetCircuit (classic DTR/RTS board) and UsbSerialJtagReset: esptool's own sequences
// (reset-and-boot.md §2) must land in download mode, its hard reset in SPI boot.
#include "hw-sim/line/auto_reset.h"

#include <gtest/gtest.h>

#include "hw-sim/line/usb_serial_jtag.h"

namespace {

using hwsim::AutoResetCircuit;
using hwsim::BootEvent;
using hwsim::UsbSerialJtagReset;

TEST(AutoReset, TruthTable) {
  AutoResetCircuit c;
  c.set_lines(false, false, 0);
  EXPECT_FALSE(c.holds_reset());
  EXPECT_FALSE(c.boot_pin_low());
  c.set_lines(true, true, 0);
  EXPECT_FALSE(c.holds_reset()) << "both asserted: idle";
  EXPECT_FALSE(c.boot_pin_low());
  c.set_lines(false, true, 0);
  EXPECT_TRUE(c.holds_reset());
  c.set_lines(true, false, 0);
  EXPECT_FALSE(c.holds_reset());
  EXPECT_TRUE(c.boot_pin_low());
}

TEST(AutoReset, ClassicResetBootsIntoDownloadMode) {
  AutoResetCircuit c;
  c.set_lines(false, false, 0);     // DTR=0
  c.set_lines(false, true, 0);      // RTS=1: EN low
  c.set_lines(true, true, 100);     // DTR=1 (momentary 1,1): EN released
  c.set_lines(true, false, 100.1);  // RTS=0: IO0 low
  c.set_lines(false, false, 150);   // DTR=0 after 50 ms
  const auto boot = c.take_boot(1000);
  ASSERT_TRUE(boot.has_value());
  EXPECT_TRUE(boot->download);
  EXPECT_DOUBLE_EQ(boot->time, 100 + hwsim::kEnRiseDelay);
}

TEST(AutoReset, UnixTightResetBootsIntoDownloadMode) {
  AutoResetCircuit c;
  c.set_lines(false, false, 0);
  c.set_lines(true, true, 0);
  c.set_lines(false, true, 0);
  c.set_lines(true, false, 100);
  c.set_lines(false, false, 150);
  const auto boot = c.take_boot(1000);
  ASSERT_TRUE(boot.has_value());
  EXPECT_TRUE(boot->download);
}

TEST(AutoReset, HardResetBootsFromFlash) {
  AutoResetCircuit c;
  c.set_lines(false, true, 0);
  c.set_lines(false, false, 100);
  const auto boot = c.take_boot(1000);
  ASSERT_TRUE(boot.has_value());
  EXPECT_FALSE(boot->download);
}

TEST(AutoReset, PullingEnLowAgainCancelsThePendingBoot) {
  AutoResetCircuit c;
  c.set_lines(false, true, 0);
  c.set_lines(false, false, 10);
  c.set_lines(false, true, 12);
  EXPECT_FALSE(c.take_boot(1000).has_value());
}

TEST(AutoReset, NoBootBeforeTheRcDelay) {
  AutoResetCircuit c;
  c.set_lines(false, true, 0);
  c.set_lines(false, false, 10);
  EXPECT_FALSE(c.take_boot(10 + hwsim::kEnRiseDelay / 2).has_value());
  EXPECT_TRUE(c.take_boot(10 + hwsim::kEnRiseDelay).has_value());
}

TEST(UsbSerialJtag, EsptoolUsbResetSequenceBootsIntoDownloadMode) {
  UsbSerialJtagReset u;
  u.set_lines(false, false, 0);   // RTS=0, DTR=0
  u.set_lines(true, false, 100);  // DTR=1: download requested
  u.set_lines(true, true, 200);   // RTS=1
  u.set_lines(false, true, 200);  // DTR=0: reset
  u.set_lines(false, false, 300);
  const auto boot = u.take_boot(1000);
  ASSERT_TRUE(boot.has_value());
  EXPECT_TRUE(boot->download);
  EXPECT_TRUE(boot->usb);
}

TEST(UsbSerialJtag, RtsPulseAloneBootsFromFlash) {
  UsbSerialJtagReset u;
  u.set_lines(false, false, 0);
  u.set_lines(false, true, 10);
  u.set_lines(false, false, 110);
  const auto boot = u.take_boot(1000);
  ASSERT_TRUE(boot.has_value());
  EXPECT_FALSE(boot->download);
}

TEST(UsbSerialJtag, NeverHoldsTheChipInReset) {
  UsbSerialJtagReset u;
  u.set_lines(false, true, 0);
  EXPECT_FALSE(u.holds_reset());
}

}  // namespace
