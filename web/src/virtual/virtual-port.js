// VirtualSerialPort: a SerialPort-shaped object (Web Serial's interface and its behaviour where a
// flasher would notice) in front of a simulated chip (hw-sim in wasm, sim-host.js). The baud rate
// is fixed at open() (a baud change is a close and reopen, as on Web Serial), setSignals() drives
// the board's reset circuit, a lost device errors both streams with a NetworkError DOMException
// and fires 'disconnect'. Test hooks: unplug()/replug(), setFaults(), readFlash(), stats().
// A board on a USB console re-enumerates with every chip reset: the port dies for good ('lost'
// with reason 'reenumerated') and its `serial` (VirtualSerial, navigator.serial's shape) lists a
// new port for the same board a moment later, as Chromium does for a re-enumerated device.
import { SimClient } from './sim-client.js';
import { VirtualSerial } from './virtual-serial.js';

const lostError = () => new DOMException('The device has been lost.', 'NetworkError');
const stateError = (message) => new DOMException(message, 'InvalidStateError');

// USB ids a board with this console enumerates with: a CP2102 bridge (Silicon Labs), or the
// chip's own USB-Serial-JTAG / USB-OTG CDC-ACM (Espressif, esptool's USB_JTAG_SERIAL_PID and
// the ROM's CDC-ACM id).
const kUsbIds = {
  uart: { usbVendorId: 0x10c4, usbProductId: 0xea60 },
  'usb-jtag-serial': { usbVendorId: 0x303a, usbProductId: 0x1001 },
  'usb-otg': { usbVendorId: 0x303a, usbProductId: 0x0002 },
};

function copyBytes(chunk) {
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength));
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk.slice(0));
  throw new TypeError('The provided value is not of type (ArrayBuffer or ArrayBufferView).');
}

export class VirtualSerialPort extends EventTarget {
  /** Use createVirtualPort() (index.js), which checks and completes the options. */
  constructor(options, { sim, serial } = {}) {
    super();
    this.options = options;
    const events = { onData: (bytes) => this.onData(bytes), onLost: (reason) => this.onLost(reason) };
    this.sim = sim ?? new SimClient(options, events);
    this.sim.events = events; // a successor port takes over its predecessor's chip
    this.serial = serial ?? new VirtualSerial(this);
    this.gone = false; // re-enumerated: this object is dead, a new port stands for the board
    this.state = 'closed'; // closed | opening | opened | closing | forgotten
    this.lost = false; // unplugged (until replug())
    this.closedByLoss = false; // the loss closed the port; a close() call is still welcome
    this.readableStream = null;
    this.readController = null;
    this.writableStream = null;
    this.writeController = null;
    this.buffered = []; // output that arrived while no readable stream existed
    this.signals = { dataTerminalReady: false, requestToSend: false, break: false };
    this.ondisconnect = null;
    this.onconnect = null;
  }

  /** false between unplug() and replug(), as Web Serial's SerialPort.connected. */
  get connected() {
    return !this.lost && !this.gone && this.state !== 'forgotten';
  }

  getInfo() {
    return { ...kUsbIds[this.options.console] };
  }

  get readable() {
    if (this.state !== 'opened') return null;
    if (!this.readableStream) this.readableStream = this.makeReadable();
    return this.readableStream;
  }

  get writable() {
    if (this.state !== 'opened') return null;
    if (!this.writableStream) this.writableStream = this.makeWritable();
    return this.writableStream;
  }

  async open(options = {}) {
    if (this.state === 'forgotten') throw stateError('The port has been forgotten.');
    if (this.state !== 'closed') throw stateError('The port is already open.');
    const baudRate = options?.baudRate;
    if (!Number.isInteger(baudRate) || baudRate <= 0) {
      throw new TypeError("Failed to execute 'open' on 'SerialPort': Requested baud rate must be greater than zero.");
    }
    if (this.lost || this.gone) throw new DOMException('Failed to open serial port.', 'NetworkError');
    this.state = 'opening';
    try {
      await this.sim.ensure();
      await this.sim.request({ op: 'open', baud: baudRate });
    } catch (error) {
      if (this.state === 'opening') this.state = 'closed';
      throw error;
    }
    if (this.state !== 'opening') throw new DOMException('Failed to open serial port.', 'NetworkError');
    this.state = 'opened';
    this.closedByLoss = false;
    this.baudRate = baudRate;
    this.buffered = [];
    this.signals = { dataTerminalReady: false, requestToSend: false, break: false };
  }

  async close() {
    if (this.state === 'closed') {
      if (this.closedByLoss) {
        this.closedByLoss = false; // the port closed itself when the device went away
        return;
      }
      throw stateError('The port is already closed.');
    }
    if (this.state !== 'opened') throw stateError('A call to open() or close() is in progress.');
    if (this.readableStream?.locked) throw new TypeError('Cannot close the port: its readable stream is locked.');
    if (this.writableStream?.locked) throw new TypeError('Cannot close the port: its writable stream is locked.');
    this.state = 'closing';
    await this.readableStream?.cancel().catch(() => {});
    await this.writableStream?.close().catch(() => {});
    this.dropStreams();
    this.buffered = [];
    try {
      if (!this.lost) await this.sim.request({ op: 'close' });
    } finally {
      if (this.state === 'closing') this.state = 'closed';
    }
  }

  async setSignals(signals = {}) {
    if (this.state !== 'opened') throw stateError('The port is closed.');
    const known = ['dataTerminalReady', 'requestToSend', 'break'].filter((k) => signals[k] !== undefined);
    if (!known.length) throw new TypeError('Signals dictionary must contain at least one member.');
    for (const k of known) this.signals[k] = Boolean(signals[k]);
    this.sim.post({ op: 'signals', dtr: this.signals.dataTerminalReady, rts: this.signals.requestToSend });
  }

  async getSignals() {
    if (this.state !== 'opened') throw stateError('The port is closed.');
    return { dataCarrierDetect: false, clearToSend: false, ringIndicator: false, dataSetReady: false };
  }

  /** Closes the port if open and releases the simulated chip; the port cannot be opened again. */
  async forget() {
    if (this.state === 'forgotten') return;
    this.serial.remove(this);
    this.readController?.error(stateError('The port has been forgotten.'));
    this.writeController?.error(stateError('The port has been forgotten.'));
    this.dropStreams();
    this.state = 'forgotten';
    if (!this.gone) await this.sim.destroy(stateError('The port has been forgotten.'));
  }

  // ---- test hooks ----------------------------------------------------------------------------

  /** Pulls the cable now, or once the host has sent `afterHostBytes` more bytes. */
  async unplug({ afterHostBytes } = {}) {
    if (afterHostBytes !== undefined && !(Number.isInteger(afterHostBytes) && afterHostBytes >= 0)) {
      throw new RangeError('afterHostBytes must be a byte count (an integer >= 0).');
    }
    await this.sim.ensure();
    await this.sim.request({ op: 'unplug', afterHostBytes });
  }

  /** Plugs the board back in: it powers up and boots from flash; open() works again. */
  async replug() {
    if (!this.lost) return;
    await this.sim.request({ op: 'replug' });
    this.lost = false;
    this.dispatch('connect');
    this.serial.announce(this);
  }

  /** Replaces the fault plan (hw-sim's --faults SPEC); rejects with hw-sim's sentence if bad. */
  async setFaults(spec) {
    await this.sim.ensure();
    await this.sim.request({ op: 'setFaults', spec: String(spec ?? '') });
  }

  /** The simulated NOR flash's bytes [offset, offset + length) as they are now. */
  async readFlash(offset, length) {
    await this.sim.ensure();
    return this.sim.request({ op: 'readFlash', offset, length });
  }

  /** {hostBytes, deviceBytes, mode: 'reset'|'rom'|'stub'|'app'|'unplugged'} */
  async stats() {
    await this.sim.ensure();
    return this.sim.request({ op: 'stats' });
  }

  // ---- plumbing ------------------------------------------------------------------------------

  /** The new port object of this board after a re-enumeration (same chip, same registry). */
  successor() {
    return new VirtualSerialPort(this.options, { sim: this.sim, serial: this.serial });
  }

  onData(bytes) {
    if (this.state !== 'opened' || this.lost) return;
    if (this.readController) this.readController.enqueue(bytes);
    else this.buffered.push(bytes);
  }

  onLost(reason) {
    if (reason === 'reenumerated') this.gone = true;
    else this.lost = true;
    if (this.state === 'opened' || this.state === 'opening' || this.state === 'closing') {
      this.readController?.error(lostError());
      this.writeController?.error(lostError());
      this.dropStreams();
      this.state = 'closed';
      this.closedByLoss = true;
    }
    this.dispatch('disconnect');
    if (this.gone) this.serial.reenumerated(this);
  }

  dispatch(type) {
    const event = new Event(type, { bubbles: true });
    this.dispatchEvent(event);
    this[`on${type}`]?.call(this, event);
  }

  dropStreams() {
    this.readableStream = null;
    this.readController = null;
    this.writableStream = null;
    this.writeController = null;
  }

  makeReadable() {
    let stream = null;
    stream = new ReadableStream({
      type: 'bytes',
      start: (controller) => {
        this.readController = controller;
        for (const bytes of this.buffered) controller.enqueue(bytes);
        this.buffered = [];
      },
      cancel: () => {
        // Web Serial: a cancelled (or errored) stream is replaced by a fresh one on next access.
        if (this.readableStream === stream) {
          this.readableStream = null;
          this.readController = null;
        }
      },
    });
    return stream;
  }

  makeWritable() {
    let stream = null;
    const release = () => {
      if (this.writableStream === stream) {
        this.writableStream = null;
        this.writeController = null;
      }
    };
    stream = new WritableStream({
      start: (controller) => {
        this.writeController = controller;
      },
      write: (chunk) => {
        if (this.lost) throw lostError();
        const bytes = copyBytes(chunk);
        this.sim.post({ op: 'write', bytes }, [bytes.buffer]);
      },
      close: release,
      abort: release,
    });
    return stream;
  }
}

