// LocalSerialPort: a SerialPort-shaped object (open/close/readable/writable/setSignals/
// getSignals/getInfo, plus setBaudRate) over a local serial port (/dev/ttyUSB0, COM4) through
// @serialport/bindings-cpp, the native layer of the npm package `serialport`. Node only. It does
// what esptool's port handling does around the engine: lines set per esptool write, the baud
// changed in place, a port that drops out during a reset reopened (reset.py ResetStrategy).
import { realpath } from 'node:fs/promises';
import { classifyPortError, PortOpenError } from './local-serial-errors.js';
import { sysfsSerialPorts } from './sysfs-list.js';

export { PortOpenError };

// reset.py ResetStrategy.__call__: 3 tries, the port closed and 0.5 s between them.
const kResetTries = 3;
const kReopenDelayMs = 500;
const kReadChunk = 4096;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function defaultBinding() {
  const { autoDetect } = await import('@serialport/bindings-cpp');
  return autoDetect();
}

// bindings-cpp lists USB ids as hex strings ("10c4"); numbers or absent here.
const hexId = (text) => (text ? Number.parseInt(text, 16) : undefined);

/**
 * The system's serial ports as [{path, vendorId, productId, serialNumber}] (ids as numbers,
 * absent when the port has none). `binding` defaults to bindings-cpp's for this platform.
 */
export async function listSerialPorts({ binding } = {}) {
  const b = binding ?? (await defaultBinding());
  let ports;
  try {
    ports = await b.list();
  } catch (error) {
    // bindings-cpp lists Linux ports through udevadm; without it, read sysfs as pyserial does.
    if (binding || process.platform !== 'linux') throw error;
    return sysfsSerialPorts();
  }
  return ports.map((p) => {
    const entry = { path: p.path, vendorId: hexId(p.vendorId), productId: hexId(p.productId) };
    return p.serialNumber ? { ...entry, serialNumber: p.serialNumber } : entry;
  });
}

export class LocalSerialPort {
  /**
   * @param {string} path device path or COM name
   * @param {{binding?: any, platform?: string, onWarning?: (line: string) => void}} options
   *   binding: a @serialport/bindings-interface binding (tests pass a recording one);
   *   onWarning: gets esptool's one-time "Chip was NOT reset" line when the port has no lines.
   */
  constructor(path, { binding, platform = process.platform, onWarning } = {}) {
    this.path = path;
    this.binding = binding ?? null;
    this.injectedBinding = Boolean(binding); // else bindings-cpp's, whose listing has a fallback
    this.platform = platform;
    this.onWarning = onWarning;
    // esptool picks reset strategies by this (core's reset::PortKind).
    this.portKind = platform === 'win32' ? 'windows' : 'posix';
    this.handle = null; // the binding's open port
    this.openOptions = null;
    this.info = {};
    this.readable = null;
    this.writable = null;
    this.controller = null;
    this.signals = { dataTerminalReady: true, requestToSend: true };
    this.warned = false;
    this.inReset = 0; // setSignals calls in flight: a port lost then is reopened, not reported
    this.lostInReset = false;
    this.closing = false;
  }

  getInfo() {
    return this.info;
  }

  async open({ baudRate = 115200 } = {}) {
    if (this.handle) throw new Error(`${this.path} is already open`);
    this.binding ??= await defaultBinding();
    this.closing = false;
    // lock: flock(LOCK_EX | LOCK_NB), as pyserial's exclusive=True that esptool asks for.
    this.openOptions = { path: this.path, baudRate, dataBits: 8, stopBits: 1, parity: 'none', lock: true };
    await this.openHandle();
    this.info = await this.usbIds();
    this.readable = new ReadableStream({
      start: (controller) => {
        this.controller = controller;
      },
      cancel: () => {
        this.controller = null;
      },
    });
    this.writable = new WritableStream({ write: (chunk) => this.write(chunk) });
    this.pump(this.handle);
  }

  async openHandle() {
    try {
      this.handle = await this.binding.open(this.openOptions);
    } catch (cause) {
      throw new PortOpenError(this.path, classifyPortError(cause), cause);
    }
    // loader.py: on Windows esptool releases both lines before opening, so that opening does
    // not reset the chip; bindings-cpp asserts them on open, so release them right after.
    if (this.platform === 'win32') await this.setLines(false, false).catch(() => {});
    this.signals = { dataTerminalReady: this.platform !== 'win32', requestToSend: this.platform !== 'win32' };
  }

  // pyserial's ListPortInfo for this device gives esptool the USB PID (loader.py _get_pid: the
  // path, the target of a symlink, and on macOS the cu. twin of a tty. device).
  async usbIds() {
    try {
      const ports = await listSerialPorts(this.injectedBinding ? { binding: this.binding } : {});
      const real = await realpath(this.path).catch(() => this.path);
      const names = [this.path, real];
      if (this.platform === 'darwin' && real.includes('tty')) names.push(real.replace('tty', 'cu'));
      const found = ports.find((p) => names.includes(p.path));
      if (found?.vendorId === undefined) return {};
      const ids = { usbVendorId: found.vendorId, usbProductId: found.productId };
      // What finds the board again after a replug under another name (local-reacquire.js).
      return found.serialNumber ? { ...ids, serialNumber: found.serialNumber } : ids;
    } catch {
      return {}; // no list (no udevadm, say): the standard reset sequences, as esptool falls back
    }
  }

  // Copies what the port reads into the readable stream until the handle closes or fails. A
  // failure during setSignals (a USB port re-enumerating in a reset) is left to setSignals.
  async pump(handle) {
    const buffer = Buffer.alloc(kReadChunk);
    for (;;) {
      let n;
      try {
        ({ bytesRead: n } = await handle.read(buffer, 0, buffer.length));
      } catch (cause) {
        if (this.handle !== handle || this.closing || cause?.canceled) return;
        this.handle = null;
        handle.close().catch(() => {});
        // Lost while the lines change: the next line write or byte written reopens it.
        this.lostInReset = this.inReset > 0;
        if (this.lostInReset) return;
        this.controller?.error(new Error(`${this.path}: ${cause?.message ?? cause}`));
        this.controller = null;
        return;
      }
      if (n) this.controller?.enqueue(new Uint8Array(buffer.subarray(0, n)));
    }
  }

  async write(chunk) {
    if (!this.handle && this.lostInReset && !this.closing) await this.reopen();
    if (!this.handle) throw new Error(`${this.path} is closed`);
    await this.handle.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  }

  setLines(dtr, rts) {
    return this.handle.set({ brk: false, cts: false, dsr: false, dtr, rts });
  }

  /**
   * One line write (core sends one per esptool setDTR/setRTS call). As reset.py does: a port
   * found closed is reopened first; a failing write closes it, waits 0.5 s and tries again (3
   * tries); ENOTTY/EINVAL (no modem lines: a pty, some virtual ports) warn once and continue.
   */
  async setSignals(signals) {
    const next = { ...this.signals, ...signals };
    this.inReset++;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          if (!this.handle) await this.reopen();
          await this.setLines(next.dataTerminalReady, next.requestToSend);
          break;
        } catch (cause) {
          if (classifyPortError(cause) === 'no_line_control') {
            this.warnNoLines();
            break;
          }
          if (attempt >= kResetTries) throw cause;
          await this.dropHandle();
          await delay(kReopenDelayMs);
        }
      }
      this.signals = next;
    } finally {
      this.inReset--;
    }
  }

  warnNoLines() {
    if (this.warned) return;
    this.warned = true;
    // reset.py, printed once per run.
    this.onWarning?.(
      `WARNING: Chip was NOT reset. Setting RTS/DTR lines is not supported for port '${this.path}'. ` +
        "Set --before and --after arguments to 'no_reset' and switch to bootloader manually to avoid this warning.",
    );
  }

  async reopen() {
    this.lostInReset = false;
    await this.openHandle();
    this.pump(this.handle);
  }

  async dropHandle() {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => {});
  }

  async getSignals() {
    try {
      const s = await this.handle.get();
      return { clearToSend: !!s.cts, dataSetReady: !!s.dsr, dataCarrierDetect: !!s.dcd, ringIndicator: false };
    } catch {
      return { clearToSend: false, dataSetReady: false, dataCarrierDetect: false, ringIndicator: false };
    }
  }

  /** The baud rate changed on the open port (esptool's _set_port_baudrate), no reopen. */
  async setBaudRate(baudRate) {
    this.openOptions.baudRate = baudRate;
    if (!this.handle) await this.reopen();
    await this.handle.update({ baudRate });
  }

  async close() {
    this.closing = true;
    const controller = this.controller;
    this.controller = null;
    try {
      controller?.close();
    } catch {
      // already errored or cancelled
    }
    await this.dropHandle();
    this.readable = null;
    this.writable = null;
  }
}
