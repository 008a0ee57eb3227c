// esptool-wasm/virtual: a simulated ESP board behind a SerialPort-shaped object, for the page's
// "Virtual device" and for anyone testing a web flasher without hardware. The chip is hw-sim
// (the project's independent device-side implementation) built to wasm; it runs in a module
// Worker in browsers and on the caller's thread elsewhere (or with worker: false).
import { loadSim } from './load-sim.js';
import { VirtualSerialPort } from './virtual-port.js';

export { VirtualSerialPort } from './virtual-port.js';

const kConsoles = ['uart', 'usb-jtag-serial', 'usb-otg'];

let chipsPromise = null;

/** Bytes from a number or '4MB' / '512KB' / '16M' / '4MiB'; throws RangeError otherwise. */
function parseFlashSize(size) {
  if (typeof size === 'number' && Number.isInteger(size) && size > 0) return size;
  const m = /^\s*(\d+)\s*(k|kb|kib|m|mb|mib)?\s*$/i.exec(String(size));
  if (!m) throw new RangeError(`flashSize ${JSON.stringify(size)} is not a size: give bytes or e.g. '4MB'.`);
  const unit = !m[2] ? 1 : m[2][0].toLowerCase() === 'k' ? 1024 : 1024 * 1024;
  return Number(m[1]) * unit;
}

/** [{key, name, consoles}] for every simulated chip, from hw-sim's chip table (loads its wasm). */
export function virtualChips() {
  if (!chipsPromise) {
    chipsPromise = loadSim()
      .then((m) => m.chips())
      .catch((error) => {
        chipsPromise = null;
        throw error;
      });
  }
  return chipsPromise.then((list) => list.map((c) => ({ ...c, consoles: [...c.consoles] })));
}

/**
 * A new virtual port (closed; its chip is created on the first open() or test hook call).
 * Options: chip ('esp32'), flashSize (4 MiB; bytes or '4MB'), console ('uart' |
 * 'usb-jtag-serial' | 'usb-otg'), paced (true: bytes take their real time at the open baud
 * rate), faults ('': hw-sim's --faults SPEC), seed (1), flash (initial contents), secureBoot
 * (false), secureDownloadMode (false: ESP32-S2 and later only, the ROM then serves only the few
 * commands esptool's docs list), worker (true where Worker exists), appPrintMs (0: a flashed app prints a log line
 * every this many ms, at 115200), noBootWiring (false: the board's reset circuit drives EN
 * only, so resets boot from flash), maxBaud (0: above this rate the line carries only noise),
 * improv (null: a flashed app answers Improv Wi-Fi serial, {firmware, version, deviceName, ssid,
 * password, url}; the one ssid/password pair connects).
 * A bad chip, console or fault plan (or Secure Download Mode on an ESP8266/ESP32) rejects open().
 */
export function createVirtualPort(options = {}) {
  const {
    chip = 'esp32',
    flashSize = 4 * 1024 * 1024,
    console = 'uart',
    paced = true,
    faults = '',
    seed = 1,
    flash,
    secureBoot = false,
    secureDownloadMode = false,
    worker = typeof Worker !== 'undefined',
    appPrintMs = 0,
    noBootWiring = false,
    maxBaud = 0,
    improv = null,
  } = options;
  if (!kConsoles.includes(console)) {
    throw new RangeError(`console ${JSON.stringify(console)} is not one of ${kConsoles.join(', ')}.`);
  }
  if (!Number.isInteger(seed) || seed < 0) throw new RangeError('seed must be an integer >= 0.');
  let initial;
  if (flash !== undefined && flash !== null) {
    if (!(flash instanceof Uint8Array || flash instanceof ArrayBuffer)) {
      throw new TypeError('flash must be a Uint8Array or an ArrayBuffer.');
    }
    initial = new Uint8Array(flash).slice();
  }
  const device = {
    chip: String(chip),
    flashSize: parseFlashSize(flashSize),
    console,
    paced: Boolean(paced),
    faults: String(faults),
    seed,
    secureBoot: Boolean(secureBoot),
    secureDownloadMode: Boolean(secureDownloadMode),
    flash: initial,
    appPrintMs: Number(appPrintMs) || 0,
    noBootWiring: Boolean(noBootWiring),
    maxBaud: Number(maxBaud) || 0,
    improv: improv ? { ...improv } : null,
  };
  return new VirtualSerialPort({ console, worker: Boolean(worker), device });
}
