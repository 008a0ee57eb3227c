// Linux serial ports from /sys/class/tty, for machines where bindings-cpp's own listing cannot
// run (it spawns `udevadm`, absent in containers and minimal installs). Follows pyserial's
// list_ports_linux, which esptool uses: the usual device name patterns, a tty only when it has
// a device behind it, and USB vendor/product ids from the USB device above it.
import { readdir, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// list_ports_linux.comports(): the /dev globs it scans.
const kPatterns = /^(ttyS|ttyUSB|ttyXRUSB|ttyACM|ttyAMA|rfcomm|ttyAP|ttyGS)\d+$/;
const kSys = '/sys/class/tty';

const readHex = (path) =>
  readFile(path, 'utf8').then((t) => Number.parseInt(t.trim(), 16)).catch(() => undefined);

// The USB device above a tty's device: the first ancestor with idVendor (usb-serial ttyUSB sits
// two levels below it, cdc-acm ttyACM one).
async function usbIds(device) {
  for (let dir = device, i = 0; i < 4 && dir !== '/'; i++, dir = dirname(dir)) {
    const vendorId = await readHex(join(dir, 'idVendor'));
    if (vendorId !== undefined) return { vendorId, productId: await readHex(join(dir, 'idProduct')) };
  }
  return {};
}

/** [{path, vendorId?, productId?}] for the serial ports Linux's sysfs shows. */
export async function sysfsSerialPorts(sys = kSys, dev = '/dev') {
  const names = (await readdir(sys)).filter((n) => kPatterns.test(n)).sort();
  const ports = [];
  for (const name of names) {
    const device = await realpath(join(sys, name, 'device')).catch(() => null);
    if (!device) continue; // a tty with nothing behind it
    const subsystem = basename(await realpath(join(device, 'subsystem')).catch(() => ''));
    // pyserial leaves out the legacy 8250 placeholders ("platform" devices with no port).
    if (subsystem === 'platform') continue;
    ports.push({ path: join(dev, name), ...(await usbIds(device)) });
  }
  return ports;
}
