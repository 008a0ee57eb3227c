// FaultPlan parsing and FaultInjector: one test per fault kind, seeded and reproducible.
#include "hw-sim/fault/fault_plan.h"

#include <gtest/gtest.h>

#include "hw-sim/fault/fault_injector.h"

namespace {

using hwsim::Bytes;
using hwsim::FaultInjector;
using hwsim::FaultPlan;

FaultPlan parse(const char* spec) {
  std::string error;
  auto plan = hwsim::parse_fault_plan(spec, &error);
  EXPECT_TRUE(plan.has_value()) << error;
  return plan.value_or(FaultPlan{});
}

TEST(FaultPlan, ParsesEveryKind) {
  const FaultPlan plan =
      parse("flip=0.01,drop=0.002,garbage=0.5,delay_ms=20,reset_at=100,disconnect_at=7");
  EXPECT_DOUBLE_EQ(plan.flip, 0.01);
  EXPECT_DOUBLE_EQ(plan.drop, 0.002);
  EXPECT_DOUBLE_EQ(plan.garbage, 0.5);
  EXPECT_DOUBLE_EQ(plan.delay_ms, 20);
  EXPECT_EQ(plan.reset_at, 100u);
  EXPECT_EQ(plan.disconnect_at, 7u);
}

TEST(FaultPlan, EmptySpecIsClean) { EXPECT_TRUE(parse("").is_clean()); }

TEST(FaultPlan, RejectsUnknownKindsAndBadValues) {
  std::string error;
  EXPECT_FALSE(hwsim::parse_fault_plan("melt=1", &error).has_value());
  EXPECT_NE(error.find("melt"), std::string::npos);
  EXPECT_FALSE(hwsim::parse_fault_plan("flip=2", &error).has_value());
  EXPECT_FALSE(hwsim::parse_fault_plan("drop=-0.1", &error).has_value());
  EXPECT_FALSE(hwsim::parse_fault_plan("reset_at=0", &error).has_value());
  EXPECT_FALSE(hwsim::parse_fault_plan("reset_at=1.5", &error).has_value());
  EXPECT_FALSE(hwsim::parse_fault_plan("delay_ms", &error).has_value());
}

TEST(FaultInjector, FlipChangesExactlyOneBitPerByte) {
  FaultInjector faults(parse("flip=1"), 7);
  for (int i = 0; i < 100; ++i) {
    const auto f = faults.on_rx_byte(0x5A);
    EXPECT_TRUE(f.deliver);
    EXPECT_EQ(__builtin_popcount(f.value ^ 0x5A), 1);
  }
  const Bytes out = faults.on_tx(Bytes(50, 0x00));
  for (uint8_t b : out) EXPECT_EQ(__builtin_popcount(b), 1);
}

TEST(FaultInjector, DropLosesBytesInBothDirections) {
  FaultInjector faults(parse("drop=1"), 1);
  EXPECT_FALSE(faults.on_rx_byte(1).deliver);
  EXPECT_TRUE(faults.on_tx(Bytes{1, 2, 3}).empty());
}

TEST(FaultInjector, GarbageAddsBytesInBothDirections) {
  FaultInjector faults(parse("garbage=1"), 1);
  const auto f = faults.on_rx_byte(1);
  EXPECT_TRUE(f.deliver);
  EXPECT_TRUE(f.has_garbage);
  EXPECT_EQ(faults.on_tx(Bytes{1, 2, 3}).size(), 6u);
}

TEST(FaultInjector, ProbabilitiesAreRoughlyHonoured) {
  FaultInjector faults(parse("drop=0.1"), 99);
  int dropped = 0;
  for (int i = 0; i < 10000; ++i) dropped += faults.on_rx_byte(0).deliver ? 0 : 1;
  EXPECT_GT(dropped, 800);
  EXPECT_LT(dropped, 1200);
}

TEST(FaultInjector, SameSeedSameFaults) {
  FaultInjector a(parse("flip=0.3,drop=0.3,garbage=0.3"), 12345);
  FaultInjector b(parse("flip=0.3,drop=0.3,garbage=0.3"), 12345);
  const Bytes data(500, 0x33);
  EXPECT_EQ(a.on_tx(data), b.on_tx(data));
}

TEST(FaultInjector, DelayIsReported) {
  FaultInjector faults(parse("delay_ms=25"), 1);
  EXPECT_DOUBLE_EQ(faults.reply_delay_ms(), 25);
}

TEST(FaultInjector, ResetFiresOnTheNthReceivedByte) {
  FaultInjector faults(parse("reset_at=3"), 1);
  EXPECT_FALSE(faults.on_rx_byte(0).reset);
  EXPECT_FALSE(faults.on_rx_byte(0).reset);
  EXPECT_TRUE(faults.on_rx_byte(0).reset);
  EXPECT_FALSE(faults.on_rx_byte(0).reset);
}

TEST(FaultInjector, DisconnectFiresOnTheNthReceivedByte) {
  FaultInjector faults(parse("disconnect_at=2"), 1);
  EXPECT_FALSE(faults.on_rx_byte(0).disconnect);
  EXPECT_TRUE(faults.on_rx_byte(0).disconnect);
}

}  // namespace

namespace {

TEST(FaultPlan, ParsesCountableFaults) {
  const FaultPlan plan = parse("drop_byte=5,flip_byte=9,error=0x11:0xC1:3,error=10:6:1");
  EXPECT_EQ(plan.drop_byte, 5u);
  EXPECT_EQ(plan.flip_byte, 9u);
  ASSERT_EQ(plan.errors.size(), 2u);
  EXPECT_EQ(plan.errors[0].op, 0x11);
  EXPECT_EQ(plan.errors[0].code, 0xC1);
  EXPECT_EQ(plan.errors[0].call, 3u);
  EXPECT_EQ(plan.errors[1].op, 10);
  std::string error;
  EXPECT_FALSE(hwsim::parse_fault_plan("error=0x11:0xC1", &error).has_value());
  EXPECT_FALSE(hwsim::parse_fault_plan("error=0x111:1:1", &error).has_value());
  EXPECT_FALSE(hwsim::parse_fault_plan("error=0x11:0:1", &error).has_value());
}

TEST(FaultInjector, DropByteLosesExactlyTheNthByte) {
  FaultInjector faults(parse("drop_byte=2"), 1);
  EXPECT_TRUE(faults.on_rx_byte(1).deliver);
  EXPECT_FALSE(faults.on_rx_byte(2).deliver);
  EXPECT_TRUE(faults.on_rx_byte(3).deliver);
}

TEST(FaultInjector, FlipByteFlipsBitZeroOfTheNthByte) {
  FaultInjector faults(parse("flip_byte=1"), 1);
  EXPECT_EQ(faults.on_rx_byte(0x40).value, 0x41);
  EXPECT_EQ(faults.on_rx_byte(0x40).value, 0x40);
}

TEST(FaultInjector, CommandErrorHitsOnlyTheKthCallOfThatOpcode) {
  FaultInjector faults(parse("error=0x03:0xC1:2"), 1);
  EXPECT_EQ(faults.on_command(0x03), 0);
  EXPECT_EQ(faults.on_command(0x0A), 0);
  EXPECT_EQ(faults.on_command(0x03), 0xC1);
  EXPECT_EQ(faults.on_command(0x03), 0);
}

}  // namespace
