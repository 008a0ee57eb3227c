// Device: what connect() returns. Each operation is one esptool.py device command (connect,
// stub, baud, command, --after) built as a DeviceRequest and run by the driver on this port.
// Operations run one at a time, in call order. Option names are DeviceRequest's (camelCase);
// absent options take core's defaults. Every long call takes {signal, onProgress, onLog}.
import { runDeviceCommand } from './driver.js';
import { defaultStubs } from './stubs.js';

const toBytes = (data) => (data instanceof Uint8Array ? data : new Uint8Array(data));
const kCallbacks = ['signal', 'onProgress', 'onLog'];

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
  /** Use connect() from index.js. */
  constructor(m, io, defaults) {
    this.m = m;
    this.io = io;
    this.session = new m.DeviceSession();
    this.defaults = defaults;
    this.queue = Promise.resolve();
  }

  /**
   * Runs one device command. `command` is esptool's name ('write_flash', ...); `options` are
   * DeviceRequest fields plus {signal, onProgress, onLog}. Resolves to {facts, data}.
   */
  run(command, options = {}) {
    const { fields, callbacks } = split({ ...this.defaults, ...options });
    const job = this.queue.then(async () => {
      if (!this.session) throw new Error('the device is closed');
      if (fields.stubs === undefined && !fields.noStub) fields.stubs = await defaultStubs();
      const request = { ...fields, command };
      return runDeviceCommand(this.m, this.session, this.io, request, callbacks);
    });
    this.queue = job.catch(() => {});
    return job;
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

  /** Waits for the running operation, then closes the port and frees the session. */
  async close() {
    await this.queue;
    const session = this.session;
    this.session = null;
    session?.delete();
    await this.io.close();
  }
}
