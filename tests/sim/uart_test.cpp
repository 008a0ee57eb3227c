// Uart: 10 bit times per byte, rate mismatch garbles, USB mode has no rate, reset cuts output.
#include "hw-sim/line/uart.h"

#include <gtest/gtest.h>

namespace {

using hwsim::Bytes;
using hwsim::Rng;
using hwsim::Uart;

TEST(Uart, HostBytesArriveOneByteTimeApart) {
  Uart uart(115200, 115200, false);
  uart.host_send(Bytes{1, 2}, 100.0);
  const double byte = 10.0 * 1000.0 / 115200;
  EXPECT_DOUBLE_EQ(uart.next_rx_time(), 100.0 + byte);
  EXPECT_FALSE(uart.pop_rx(100.0 + byte / 2).has_value());
  EXPECT_EQ(uart.pop_rx(100.0 + byte)->value, 1);
  EXPECT_DOUBLE_EQ(uart.pop_rx(1e9)->time, 100.0 + 2 * byte);
}

TEST(Uart, DeviceOutputIsTakenWhenItsLastBitArrived) {
  Uart uart(115200, 115200, false);
  Rng rng(1);
  uart.device_send(Bytes{'o', 'k'}, 0.0);
  EXPECT_TRUE(uart.take_tx(0.05, rng).empty());
  EXPECT_EQ(uart.take_tx(0.09, rng), Bytes{'o'});
  EXPECT_EQ(uart.take_tx(1.0, rng), Bytes{'k'});
}

TEST(Uart, OutputQueuesBehindEarlierOutput) {
  Uart uart(10000, 10000, false);  // 1 ms per byte
  Rng rng(1);
  uart.device_send(Bytes{1, 2, 3}, 0.0);
  uart.device_send(Bytes{4}, 1.0);
  EXPECT_DOUBLE_EQ(uart.tx_idle_time(), 4.0);
}

TEST(Uart, MismatchedRatesGarbleBytes) {
  Uart uart(74880, 115200, false);
  Rng rng(42);
  const Bytes text(64, 'A');
  uart.device_send(text, 0.0);
  const Bytes seen = uart.take_tx(1e6, rng);
  ASSERT_EQ(seen.size(), text.size());
  EXPECT_NE(seen, text);
}

TEST(Uart, RatesWithinThreePercentStillMatch) {
  EXPECT_TRUE(hwsim::rates_match(922190, 921600));
  EXPECT_FALSE(hwsim::rates_match(74880, 115200));
}

TEST(Uart, HostRateChangeAppliesToBytesFinishedAfterIt) {
  Uart uart(115200, 115200, false);
  Rng rng(3);
  uart.device_send(Bytes{'x'}, 0.0);  // done at ~0.087 ms
  uart.set_host_baud(921600, 0.5);
  EXPECT_EQ(uart.take_tx(1.0, rng), Bytes{'x'}) << "read at 115200 before the switch";
}

TEST(Uart, UsbModeIgnoresRates) {
  Uart uart(115200, 9600, true);
  Rng rng(1);
  uart.device_send(Bytes{'u', 's', 'b'}, 0.0);
  EXPECT_EQ(uart.take_tx(1.0, rng), (Bytes{'u', 's', 'b'}));
}

TEST(Uart, CutAfterResetLosesUnfinishedBytes) {
  Uart uart(10000, 10000, false);
  Rng rng(1);
  uart.device_send(Bytes{1, 2, 3, 4}, 0.0);
  uart.cut_tx_after(2.5);
  EXPECT_EQ(uart.take_tx(100.0, rng), (Bytes{1, 2}));
}

}  // namespace
