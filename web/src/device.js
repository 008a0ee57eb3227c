// Device: what connect() returns. Each operation is one esptool.py device command (connect,
// stub, baud, command, --after) built as a DeviceRequest and run by the driver on this port.
// Operations run one at a time, in call order. Option names are DeviceRequest's (camelCase);
// absent options take core's defaults. Every long call takes {signal, onProgress, onLog}.
import { kAppBaud, resetOver, runMonitor } from './monitor.js';

// The ROM's rate after reset: commands at it have no switch to fall back from.
const kRomBaud = 115200;

const toBytes = (data) => (data instanceof Uint8Array ? data : new Uint8Array(data));
const kCallbacks = ['signal', 'onProgress', 'onLog', 'onTrace', 'baudLimit', 'onBaudLimit'];

function split(options) {
  const fields = { ...options };
  const callbacks = {};
  for (const k of kCallbacks) {
    if (k in fields) callbacks[k] = fields[k];
    delete fields[k];
  }
  return { fields, callbacks };
}

export class Device {
  /** Use connect() from index.js. `engine` runs the commands (engine-client.js makeEngine). */
  constructor(m, io, defaults, engine) {
    this.m = m;
    this.io = io;
    this.engine = engine;
    this.defaults = defaults;
    this.queue = Promise.resolve();
    this.lines = { dtr: false, rts: false }; // DTR/RTS as the monitor last set them
    // The fastest rate that worked on this port after a fallback (0: none needed yet); options
    // may pass one remembered from an earlier session. onBaudLimit(rate) hears of a new one.
    this.baudLimit = defaults.baudLimit ?? 0;
    this.onBaudLimit = defaults.onBaudLimit;
  }

  /**
   * Serial monitor between commands on the same open port: the port at `baud` (115200, the
   * app's console), onData(Uint8Array) per chunk until `signal` aborts; commands called
   * meanwhile wait for it. Resolves when stopped; rejects with EsptoolError port_lost.
   */
  monitor({ baud = kAppBaud, onData, signal } = {}) {
    const job = this.queue.then(async () => {
      if (!this.engine) throw new Error('the device is closed');
      await this.io.settle(signal);
      return runMonitor(this.m, this.io, { baud, onData, signal });
    });
    this.queue = job.catch(() => {});
    return job;
  }

  /** Writes bytes to the chip (the monitor's "send"); not while a command runs. */
  async sendBytes(bytes) {
    await this.io.write(toBytes(bytes));
  }

  /** Sets DTR and RTS as given (the monitor's toggles). */
  async setLines({ dtr = this.lines.dtr, rts = this.lines.rts } = {}) {
    await this.io.setSignals(dtr, rts);
    this.lines = { dtr, rts };
  }

  /** 'run': EN pulse, the app starts (esptool's hard reset); 'bootloader': into the ROM loader. */
  async resetChip(kind = 'run') {
    await this.io.settle();
    this.lines = await resetOver(this.m, this.io, kind, this.lines);
  }

  /**
   * Runs one device command. `command` is esptool's name ('write_flash', ...); `options` are
   * DeviceRequest fields plus {signal, onProgress, onLog}. Resolves to {facts, data}.
   */
  run(command, options = {}) {
    const { fields, callbacks } = split({ ...this.defaults, ...options });
    const job = this.queue.then(async () => {
      if (!this.engine) throw new Error('the device is closed');
      // No stubs given: core asks for the one file the detected chip needs (the driver fetches it).
      if (fields.stubs === undefined && !fields.noStub) fields.stubsOnDemand = true;
      // What esptool asks of the port: its kind picks the reset strategies (core decides), its
      // USB product id can make it a USB-JTAG-Serial.
      const port = this.io.port;
      if (fields.portKind === undefined && port.portKind) fields.portKind = port.portKind;
      const pid = port.getInfo?.()?.usbProductId;
      if (fields.usbPid === undefined && pid !== undefined) fields.usbPid = pid;
      if (this.baudLimit && fields.baud > this.baudLimit) fields.baud = this.baudLimit;
      await this.io.settle(callbacks.signal);
      return this.runFallingBack({ ...fields, command }, callbacks);
    });
    this.queue = job.catch(() => {});
    return job;
  }

  // Runs the request; when the link fails after the switch to a fast rate, reconnects at core's
  // next lower rate (ops::fallback_baud), says so in the log, and keeps that rate as the limit
  // for this port's later commands (baudLimit).
  async runFallingBack(request, callbacks) {
    for (;;) {
      let switched = 0; // the fast rate the link switched to in this attempt, if it did
      const onTrace = (kind, value) => {
        if (kind === 'baud') switched = value > kRomBaud ? value : 0;
        callbacks.onTrace?.(kind, value);
      };
      try {
        return await this.engine.run(request, this.io, { ...callbacks, onTrace });
      } catch (error) {
        const lower = switched && !callbacks.signal?.aborted ? this.m.fallbackBaud(switched, error.code) : 0;
        if (!lower) throw error;
        callbacks.onLog?.(`The link failed at ${switched} baud (${error.message}); reconnecting at ${lower} baud.`, { fromDevice: false });
        request.baud = lower;
        this.baudLimit = lower;
        this.onBaudLimit?.(lower);
      }
    }
  }

  /** True when a lost port is looked for again (a native USB console that re-enumerates). */
  get reacquires() {
    return Boolean(this.io.hooks.reacquire);
  }

  /** files: [{offset, data, name?}]. Resolves to the report's facts. */
  async writeFlash(files, options = {}) {
    const list = files.map((f) => ({ ...f, data: toBytes(f.data) }));
    return (await this.run('write_flash', { ...options, files: list })).facts;
  }
  /** Resolves to the bytes read; size may be 'all'. */
  async readFlash(offset, size, options = {}) {
    return (await this.run('read_flash', { ...options, address: offset, size })).data;
  }
  async verifyFlash(files, options = {}) {
    const list = files.map((f) => ({ ...f, data: toBytes(f.data) }));
    return (await this.run('verify_flash', { ...options, files: list })).facts;
  }
  async eraseFlash(options = {}) {
    return (await this.run('erase_flash', options)).facts;
  }
  async eraseRegion(offset, size, options = {}) {
    return (await this.run('erase_region', { ...options, address: offset, size })).facts;
  }
  async readMac(options = {}) {
    return (await this.run('read_mac', options)).facts;
  }
  async chipId(options = {}) {
    return (await this.run('chip_id', options)).facts;
  }
  async flashId(options = {}) {
    return (await this.run('flash_id', options)).facts;
  }
  async securityInfo(options = {}) {
    return (await this.run('get_security_info', options)).facts;
  }
  async readMem(address, options = {}) {
    return (await this.run('read_mem', { ...options, address })).facts;
  }
  async writeMem(address, value, mask, options = {}) {
    const fields = { ...options, address, value };
    if (mask !== undefined) fields.mask = mask;
    return (await this.run('write_mem', fields)).facts;
  }
  async dumpMem(address, size, options = {}) {
    return (await this.run('dump_mem', { ...options, address, size })).data;
  }
  async loadRam(image, options = {}) {
    return (await this.run('load_ram', { ...options, image: toBytes(image) })).facts;
  }
  async runApp(options = {}) {
    return (await this.run('run', options)).facts;
  }
  async readFlashStatus(options = {}) {
    return (await this.run('read_flash_status', options)).facts;
  }
  async writeFlashStatus(value, options = {}) {
    return (await this.run('write_flash_status', { ...options, value })).facts;
  }

  /** Waits for the running operation, then closes the port and frees the engine. */
  async close() {
    await this.queue;
    const engine = this.engine;
    this.engine = null;
    engine?.close();
    await this.io.close();
  }
}
