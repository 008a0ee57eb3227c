// The USB-OTG console variant (ESP32-S2/S3) and the Secure Boot eFuse option: what esptool reads
// (UARTDEV_BUF_NO, GPIO_STRAP, RTC_CNTL_OPTION1, the Secure Boot eFuse) and the 0x800-byte block
// limit of the USB receive buffer, in the ROM and in the stub. Register addresses and values are
// esptool v4.8.1's (targets/esp32s2.py, esp32s3.py, esp32.py, esp32c3.py).
#include <gtest/gtest.h>

#include "hw-sim/device.h"
#include "tests/sim/support/rom_fixture.h"

namespace {

using simtest::Bytes;
using simtest::data_request;
using simtest::le32_bytes;
using simtest::Rig;
using simtest::status_of;

const Bytes kRomOk{0, 0, 0, 0};
const Bytes kRomInvalid{1, 0x05, 0, 0};
const Bytes kStubOk{0, 0};
const Bytes kStubBadDataLen{0xC0, 0};

hwsim::DeviceOptions otg() {
  hwsim::DeviceOptions o;
  o.usb_otg = true;
  return o;
}

uint32_t read_reg(Rig& rig, uint32_t address) {
  return rig.call(0x0A, le32_bytes({address}))->value;
}

TEST(UsbOtgConsole, UartdevBufNoReadsTheChipsUsbOtgNumber) {
  struct Case {
    const char* chip;
    uint32_t uartdev_buf_no;
    uint32_t usb_otg;
  };
  for (const Case& c : {Case{"esp32s2", 0x3FFFFD14, 2}, Case{"esp32s3", 0x3FCEF14C, 3}}) {
    Rig usb(c.chip, otg());
    ASSERT_TRUE(usb.sync()) << c.chip;
    EXPECT_EQ(read_reg(usb, c.uartdev_buf_no) & 0xFF, c.usb_otg) << c.chip;
    Rig uart(c.chip);
    ASSERT_TRUE(uart.sync()) << c.chip;
    EXPECT_EQ(read_reg(uart, c.uartdev_buf_no) & 0xFF, 0u) << c.chip;
  }
}

TEST(UsbOtgConsole, RomRefusesAFlashBlockLargerThan0x800AndTakesOneOf0x800) {
  Rig rig("esp32s3", otg());
  ASSERT_TRUE(rig.sync());
  ASSERT_EQ(rig.call(0x0D, le32_bytes({0, 0}))->data, kRomOk);
  ASSERT_EQ(rig.call(0x02, le32_bytes({0x4000, 1, 0x4000, 0x10000, 0}), 30000)->data, kRomOk);
  EXPECT_EQ(rig.call(data_request(0x03, Bytes(0x4000, 0x5A), 0))->data, kRomInvalid);
  EXPECT_EQ(rig.device->flash().read(0x10000, 1), Bytes{0xFF}) << "nothing written";

  ASSERT_EQ(rig.call(0x02, le32_bytes({0x800, 1, 0x800, 0x10000, 0}), 30000)->data, kRomOk);
  EXPECT_EQ(rig.call(data_request(0x03, Bytes(0x800, 0x5A), 0))->data, kRomOk);
  EXPECT_EQ(rig.device->flash().read(0x107FF, 1), Bytes{0x5A});
}

TEST(UsbOtgConsole, RomRefusesALargeRamBlockButNotOnUart) {
  for (const bool usb_otg : {true, false}) {
    hwsim::DeviceOptions o;
    o.usb_otg = usb_otg;
    Rig rig("esp32s2", o);
    ASSERT_TRUE(rig.sync());
    ASSERT_EQ(rig.call(0x05, le32_bytes({0x1800, 1, 0x1800, 0x3FFB0000}))->data, kRomOk);
    EXPECT_EQ(rig.call(data_request(0x07, Bytes(0x1800, 0x11), 0))->data,
              usb_otg ? kRomInvalid : kRomOk)
        << (usb_otg ? "USB-OTG" : "UART");
  }
}

TEST(UsbOtgConsole, StubRefusesAFlashBlockLargerThan0x800WithBadDataLength) {
  Rig rig("esp32s2", otg());
  ASSERT_TRUE(rig.enter_stub());
  ASSERT_EQ(rig.call(0x02, le32_bytes({0x4000, 1, 0x4000, 0x20000}), 30000)->data, kStubOk);
  EXPECT_EQ(rig.call(data_request(0x03, Bytes(0x4000, 0x33), 0))->data, kStubBadDataLen);
  const Bytes compressed = simtest::zlib_compress(Bytes(0x4000, 0x33));
  ASSERT_EQ(rig.call(0x10, le32_bytes({0x4000, 1, 0x4000, 0x20000}), 30000)->data, kStubOk);
  Bytes noisy(0x900);  // a deflate block of 0x900 bytes: too large whatever it holds
  for (size_t i = 0; i < noisy.size(); ++i) noisy[i] = static_cast<uint8_t>(i * 37 + 1);
  EXPECT_EQ(rig.call(data_request(0x11, noisy, 0))->data, kStubBadDataLen);

  ASSERT_EQ(rig.call(0x10, le32_bytes({0x4000, 1, 0x800, 0x20000}), 30000)->data, kStubOk);
  ASSERT_LE(compressed.size(), 0x800u);
  EXPECT_EQ(rig.call(data_request(0x11, compressed, 0))->data, kStubOk);
  EXPECT_EQ(rig.call(0x12, le32_bytes({1}), 3000)->data, kStubOk);
  EXPECT_EQ(rig.device->flash().read(0x23FFF, 1), Bytes{0x33});
}

TEST(UsbOtgConsole, GpioStrapShowsDownloadAndForceDownloadBitIsReadWrite) {
  struct Case {
    const char* chip;
    uint32_t gpio_strap;
    uint32_t rtc_option1;
  };
  for (const Case& c :
       {Case{"esp32s2", 0x3F404038, 0x3F408128}, Case{"esp32s3", 0x60004038, 0x6000812C}}) {
    Rig rig(c.chip, otg());  // powered on in download mode (GPIO0 low)
    ASSERT_TRUE(rig.sync()) << c.chip;
    EXPECT_EQ(read_reg(rig, c.gpio_strap) & 0x8, 0u) << c.chip << ": SPI_BOOT bit clear";
    EXPECT_EQ(read_reg(rig, c.rtc_option1) & 0x1, 0u) << c.chip;
    ASSERT_EQ(rig.call(0x09, le32_bytes({c.rtc_option1, 1, 1, 0}))->data, kRomOk);
    EXPECT_EQ(read_reg(rig, c.rtc_option1) & 0x1, 1u) << c.chip;
    ASSERT_EQ(rig.call(0x09, le32_bytes({c.rtc_option1, 0, 1, 0}))->data, kRomOk);
    EXPECT_EQ(read_reg(rig, c.rtc_option1) & 0x1, 0u) << c.chip;
  }
}

TEST(SecureBootEfuse, SetsTheBitEsptoolReadsAndNothingWithoutTheOption) {
  struct Case {
    const char* chip;
    uint32_t address;
    uint32_t mask;
  };
  for (const Case& c :
       {Case{"esp32", 0x3FF5A018, 1u << 4}, Case{"esp32s2", 0x3F41A038, 1u << 20},
        Case{"esp32s3", 0x60007038, 1u << 20}, Case{"esp32c3", 0x60008838, 1u << 20}}) {
    hwsim::DeviceOptions o;
    o.secure_boot = true;
    Rig on(c.chip, o);
    ASSERT_TRUE(on.sync()) << c.chip;
    EXPECT_EQ(read_reg(on, c.address) & c.mask, c.mask) << c.chip;
    on.call(0x09, le32_bytes({c.address, 0, 0xFFFFFFFF, 0}));
    EXPECT_EQ(read_reg(on, c.address) & c.mask, c.mask) << c.chip << ": eFuses are read-only";
    Rig off(c.chip);
    ASSERT_TRUE(off.sync()) << c.chip;
    EXPECT_EQ(read_reg(off, c.address) & c.mask, 0u) << c.chip;
  }
}

TEST(SecureBootEfuse, KeepsTheChipsOtherEfuseBitsInTheSameWord) {
  // ESP32-S3 BLOCK0 word at 0x60007038 has no preset; the MAC word next to it must be unchanged.
  hwsim::DeviceOptions o;
  o.secure_boot = true;
  Rig rig("esp32s3", o);
  ASSERT_TRUE(rig.sync());
  EXPECT_EQ(read_reg(rig, 0x60007044), 0x18010203u);
  EXPECT_EQ(read_reg(rig, 0x60007038), 1u << 20);
}

TEST(SecureBootEfuse, SecurityInfoReportsSecureBootInRomAndStub) {
  hwsim::DeviceOptions o;
  o.secure_boot = true;
  Rig rig("esp32s3", o);
  ASSERT_TRUE(rig.sync());
  const auto rom = rig.call(0x14, Bytes{});
  ASSERT_TRUE(rom);
  EXPECT_EQ(rom->data[0] & 1, 1) << "flags bit 0: SECURE_BOOT_EN";
  ASSERT_TRUE(rig.enter_stub());
  const auto stub = rig.call(0x14, Bytes{});
  ASSERT_TRUE(stub);
  EXPECT_EQ(stub->data[0] & 1, 1);
}

}  // namespace
