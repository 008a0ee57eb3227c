// NorFlash: erase to 0xFF, program ANDs bits, erase granularity, JEDEC id, timing, status regs.
#include "hw-sim/flash/nor_flash.h"

#include <gtest/gtest.h>

namespace {

using hwsim::Bytes;
using hwsim::NorFlash;

constexpr uint32_t k4MB = 4 * 1024 * 1024;

TEST(NorFlash, StartsErasedToFF) {
  NorFlash flash(k4MB);
  EXPECT_EQ(flash.read(0x1234, 4), (Bytes{0xFF, 0xFF, 0xFF, 0xFF}));
}

TEST(NorFlash, ProgramCanOnlyClearBits) {
  NorFlash flash(k4MB);
  flash.program(0x100, Bytes{0xF0, 0x0F}, 0);
  flash.program(0x100, Bytes{0x3C, 0xFF}, 0);
  EXPECT_EQ(flash.read(0x100, 2), (Bytes{0x30, 0x0F}));
}

TEST(NorFlash, SectorEraseRestoresOneAlignedSector) {
  NorFlash flash(k4MB);
  flash.program(0x0FFF, Bytes{0, 0}, 0);
  flash.erase_sector(0x1800, 0);  // any address inside sector 1
  EXPECT_EQ(flash.read(0x0FFF, 2), (Bytes{0x00, 0xFF}));
}

TEST(NorFlash, BlockEraseCoversSixtyFourKiB) {
  NorFlash flash(k4MB);
  flash.program(0x0FFFF, Bytes{0, 0}, 0);
  flash.program(0x1FFFF, Bytes{0}, 0);
  flash.erase_block(0x10000, 0);
  EXPECT_EQ(flash.read(0x0FFFF, 2), (Bytes{0x00, 0xFF}));
  EXPECT_EQ(flash.read(0x1FFFF, 1), Bytes{0xFF});
}

TEST(NorFlash, ChipEraseErasesEverything) {
  NorFlash flash(0x10000);
  flash.program(0, Bytes(0x10000, 0), 0);
  flash.erase_chip(0);
  EXPECT_EQ(flash.read(0, 0x10000), Bytes(0x10000, 0xFF));
}

TEST(NorFlash, AddressesWrapAtTheChipSize) {
  NorFlash flash(0x10000);
  flash.program(0x10002, Bytes{0x12}, 0);
  EXPECT_EQ(flash.read(0x0002, 1), Bytes{0x12});
}

TEST(NorFlash, JedecCapacityByteEncodesTheSize) {
  EXPECT_EQ(NorFlash(k4MB).jedec_id(), 0x1640EFu);
  EXPECT_EQ(NorFlash(16 * 1024 * 1024).jedec_id() >> 16, 0x18u);
  EXPECT_EQ(NorFlash(1024 * 1024).jedec_id() >> 16, 0x14u);
}

TEST(NorFlash, OperationsTakeTypicalTimesAndQueueBehindEachOther) {
  NorFlash flash(k4MB);
  EXPECT_DOUBLE_EQ(flash.erase_sector(0, 10.0), 55.0);        // 45 ms from t=10
  EXPECT_DOUBLE_EQ(flash.erase_block(0x10000, 20.0), 205.0);  // waits until 55, then 150 ms
  EXPECT_TRUE(flash.is_busy(204.0));
  EXPECT_FALSE(flash.is_busy(205.0));
  // 256-byte pages: 300 bytes from offset 0x80 touch 2 pages.
  EXPECT_NEAR(flash.program(0x80, Bytes(300, 0), 300.0), 300.8, 1e-9);
  EXPECT_DOUBLE_EQ(flash.erase_chip(1000.0), 11000.0);  // 10 s per 4 MB
}

TEST(NorFlash, RdidAndStatusThroughTransactions) {
  NorFlash flash(k4MB);
  EXPECT_EQ(flash.transact(0x9F, std::nullopt, {}, 3, 0), (Bytes{0xEF, 0x40, 0x16}));
  flash.erase_sector(0, 0);
  EXPECT_EQ(flash.transact(0x05, std::nullopt, {}, 1, 1.0)[0] & 1, 1) << "WIP while erasing";
  EXPECT_EQ(flash.transact(0x05, std::nullopt, {}, 1, 100.0)[0] & 1, 0);
}

TEST(NorFlash, StatusWriteNeedsWriteEnable) {
  NorFlash flash(k4MB);
  const Bytes value{0x1C};  // BP0..BP2
  flash.transact(0x01, std::nullopt, value, 0, 0);
  EXPECT_EQ(flash.status(), 0u) << "WRSR without WREN is ignored";
  flash.transact(0x06, std::nullopt, {}, 0, 0);
  flash.transact(0x01, std::nullopt, value, 0, 0);
  EXPECT_EQ(flash.status(), 0x1Cu);
}

TEST(NorFlash, BlockProtectStopsWritesUntilUnlocked) {
  NorFlash flash(k4MB);
  flash.transact(0x50, std::nullopt, {}, 0, 0);
  flash.transact(0x01, std::nullopt, Bytes{0x1C, 0x02}, 0, 0);  // BP bits + QE
  flash.program(0, Bytes{0x00}, 0);
  EXPECT_EQ(flash.read(0, 1), Bytes{0xFF});
  flash.unlock();
  EXPECT_EQ(flash.status(), 0x200u) << "unlock keeps QE";
  flash.program(0, Bytes{0x00}, 0);
  EXPECT_EQ(flash.read(0, 1), Bytes{0x00});
}

TEST(NorFlash, SfdpByteAtSixteenNamesTheVendor) {
  NorFlash flash(k4MB);
  EXPECT_EQ(flash.transact(0x5A, 0x10u, {}, 1, 0), Bytes{0xEF});
  EXPECT_EQ(flash.transact(0x5A, 0x00u, {}, 4, 0), (Bytes{'S', 'F', 'D', 'P'}));
}

TEST(NorFlash, DeepPowerDownSilencesTheChipUntilReleased) {
  NorFlash flash(k4MB);
  flash.transact(0xB9, std::nullopt, {}, 0, 0);
  EXPECT_EQ(flash.transact(0x9F, std::nullopt, {}, 3, 0), (Bytes{0xFF, 0xFF, 0xFF}));
  flash.transact(0xAB, std::nullopt, {}, 0, 0);
  EXPECT_EQ(flash.transact(0x9F, std::nullopt, {}, 3, 0)[0], 0xEF);
}

}  // namespace
