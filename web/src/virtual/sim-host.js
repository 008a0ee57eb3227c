// SimHost: the device side of the virtual serial port. Owns one hw-sim Device (wasm) and its
// clock, and answers the port's messages (protocol.md-style list below). It runs inside the
// port's Worker (worker.js) or on the caller's thread (worker: false); either way it only sees
// messages, so both paths behave alike.
//
// Clock: device time = real time since creation + time skipped. Paced, the device runs in real
// time and its output is delivered in batches every kTickMs. Unpaced, the chip's own waits (bytes
// on the wire, flash erase/program, firmware timers) are skipped (Device::skip_ahead) in slices
// of at most kSliceMs of CPU, yielding between slices so messages keep flowing; the host's own
// intervals (the sleeps of a reset sequence, up to the reset circuit's boot) pass in real time.
//
// Messages in: {op, id?, ...}: create {options}, open {baud}, close, write {bytes} (no reply),
// signals {dtr, rts} (no reply), unplug {afterHostBytes?}, replug, setFaults {spec},
// readFlash {offset, length}, stats, destroy. Replies: {id, ok, value} | {id, ok: false, name,
// message}.
// Events out: {event: 'data', bytes}, {event: 'lost', reason}. On a USB console (USB-JTAG-Serial,
// USB-OTG) every chip reset re-enumerates the device: the open port dies ('lost', reason
// 'reenumerated') while the board stays plugged in, and the next open() is a new port's.
//
// options.maxBaud models a line that cannot carry fast rates (a long cable, a slow bridge):
// while the port is open above it, every byte in either direction arrives as noise.
import { loadSim } from './load-sim.js';

const kTickMs = 3; // paced: output batches at this interval (a page redraws at ~16 ms)
const kSliceMs = 8; // unpaced: CPU per slice before yielding to the message queue
const kStepsPerCall = 4096; // Device::skip_ahead steps per wasm call

const realNow = () => performance.now();

function makeYield() {
  if (typeof setImmediate === 'function') return (fn) => setImmediate(fn);
  // Browsers clamp nested setTimeout(0) to 4 ms; a posted message runs at once, after the
  // messages already queued (so the port's messages are not starved).
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(0);
  };
}

export class SimHost {
  /** @param {(message: object, transfer?: Transferable[]) => void} post */
  constructor(post) {
    this.post = post;
    this.device = null;
    this.paced = true;
    this.t0 = realNow();
    this.skipped = 0;
    this.isOpen = false;
    this.isLost = false;
    this.unplugAt = null; // host byte count at which to unplug
    this.hostBytes = 0;
    this.deviceBytes = 0;
    this.timer = null;
    this.yielding = false;
    this.yieldNow = makeYield();
    this.maxBaud = 0;
    this.noisy = false; // open above maxBaud
    this.noise = 0x2545f491; // xorshift32 state for the noise bytes
  }

  // Replaces every byte with noise (the line at a rate it cannot carry).
  scramble(bytes) {
    const out = new Uint8Array(bytes.length);
    for (let i = 0; i < out.length; i++) {
      let x = this.noise;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.noise = x >>> 0;
      out[i] = this.noise & 0xff;
    }
    return out;
  }

  now() {
    return realNow() - this.t0 + this.skipped;
  }

  /** Handles one message from the port; never throws (failures become error replies). */
  async handle(message) {
    const { op, id } = message;
    try {
      const value = await this.dispatch(message);
      if (id !== undefined) this.post({ id, ok: true, value });
    } catch (error) {
      if (id !== undefined) this.post({ id, ok: false, name: error?.name, message: error?.message ?? String(error) });
    }
    if (op !== 'destroy') this.kick();
  }

  async dispatch(message) {
    if (message.op === 'create') return this.create(message.options);
    const device = this.device;
    if (!device) throw new Error('The virtual device was not created.');
    switch (message.op) {
      case 'open':
        device.takeOutput(this.now()); // what the chip printed while the port was closed is lost
        device.setBaud(message.baud, this.now());
        device.setSignals(false, false, this.now());
        this.isOpen = true;
        this.noisy = this.maxBaud > 0 && message.baud > this.maxBaud;
        return undefined;
      case 'close':
        this.isOpen = false;
        if (!this.isLost) device.setSignals(false, false, this.now());
        return undefined;
      case 'write':
        return this.write(message.bytes);
      case 'signals':
        if (!this.isLost) device.setSignals(message.dtr, message.rts, this.now());
        return undefined;
      case 'unplug':
        if (message.afterHostBytes === undefined || message.afterHostBytes === null) this.unplug('unplugged');
        else this.unplugAt = this.hostBytes + message.afterHostBytes;
        return undefined;
      case 'replug':
        if (this.isLost) {
          this.isLost = false;
          this.unplugAt = null;
          device.powerCycle(false, this.now()); // USB power is back: the chip boots from flash
        }
        return undefined;
      case 'setFaults': {
        const error = device.setFaults(String(message.spec ?? ''));
        if (error) throw new Error(error);
        return undefined;
      }
      case 'readFlash': {
        const bytes = device.readFlash(message.offset, message.length);
        if (!bytes) throw new RangeError(`${message.offset}+${message.length} is outside the ${device.flashSize()}-byte flash.`);
        return bytes;
      }
      case 'stats':
        return { hostBytes: this.hostBytes, deviceBytes: this.deviceBytes, mode: this.isLost ? 'unplugged' : device.mode() };
      case 'destroy':
        clearTimeout(this.timer);
        this.timer = null;
        device.delete();
        this.device = null;
        return undefined;
      default:
        throw new Error(`unknown virtual port message ${message.op}`);
    }
  }

  async create(options) {
    if (this.device) throw new Error('The virtual device exists already.');
    const m = await loadSim();
    const device = new m.SimDevice(options);
    const error = device.error();
    if (error) {
      device.delete();
      throw new Error(error);
    }
    this.device = device;
    this.paced = options.paced !== false;
    this.maxBaud = Number(options.maxBaud) || 0;
    this.usbConsole = options.console === 'usb-jtag-serial' || options.console === 'usb-otg';
    this.boots = device.boots();
    this.t0 = realNow();
    return { flashSize: device.flashSize() };
  }

  write(bytes) {
    if (this.isLost || !this.isOpen) return undefined; // nothing is listening on a dead link
    let data = bytes;
    if (this.unplugAt !== null && this.hostBytes + data.length >= this.unplugAt) {
      data = data.subarray(0, this.unplugAt - this.hostBytes);
    }
    this.hostBytes += data.length;
    if (data.length) this.device.hostWrite(this.noisy ? this.scramble(data) : data, this.now());
    if (this.unplugAt !== null && this.hostBytes >= this.unplugAt) this.unplug('unplugged');
    return undefined;
  }

  // A USB console disappears from the host with every chip reset (its output meanwhile is lost).
  checkReenumeration() {
    const boots = this.device.boots();
    if (boots === this.boots) return;
    this.boots = boots;
    if (!this.usbConsole || !this.isOpen || this.isLost) return;
    this.isOpen = false;
    this.post({ event: 'lost', reason: 'reenumerated' });
  }

  unplug(reason) {
    if (this.isLost) return;
    this.deliver(); // what reached the host before the cable went
    this.isLost = true;
    this.isOpen = false; // the host's port closed with the cable
    this.unplugAt = null;
    this.device.discardInput(this.now());
    this.post({ event: 'lost', reason });
  }

  /** Runs the device up to now and schedules the next tick. */
  kick() {
    clearTimeout(this.timer);
    this.timer = null;
    if (!this.yielding) this.tick();
  }

  tick() {
    this.timer = null;
    this.yielding = false;
    const device = this.device;
    if (!device) return;
    const more = this.paced ? false : this.skip();
    this.deliver();
    if (device.takeLinkLost()) this.unplug('fault: disconnect_at');
    this.checkReenumeration();
    if (more) {
      this.yielding = true;
      this.yieldNow(() => this.tick());
      return;
    }
    const next = device.nextEventTime();
    if (next === Infinity) return; // waiting for the host: its next message kicks us
    const wait = next - this.now();
    this.timer = setTimeout(() => this.tick(), Math.max(this.paced ? kTickMs : 0, wait));
  }

  /** Unpaced: skips the chip's own waits for up to kSliceMs; true when work is left. */
  skip() {
    const device = this.device;
    const end = realNow() + kSliceMs;
    for (;;) {
      const now = this.now();
      this.skipped += device.skipAhead(now, kStepsPerCall) - now;
      this.deliver(); // taken output is no longer a pending event
      this.checkReenumeration();
      const next = device.nextEventTime();
      if (next === Infinity || next >= device.nextBootTime()) return false;
      if (realNow() >= end) return true;
    }
  }

  deliver() {
    const taken = this.device.takeOutput(this.now());
    if (!taken.length || !this.isOpen || this.isLost) return;
    const bytes = this.noisy ? this.scramble(taken) : taken;
    this.deviceBytes += bytes.length;
    this.post({ event: 'data', bytes }, [bytes.buffer]);
  }
}
