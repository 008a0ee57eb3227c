// A @serialport/bindings-interface binding that records every call with its time, for the
// local-port tests. Its ports either answer nothing (a board that never syncs) or relay bytes,
// line changes and baud changes to a hw-sim RFC 2217 server, so the recorded DTR/RTS writes
// really reset a simulated board. Faults: `failSet(n, message)` makes the n-th set() throw.
import { Rfc2217Port } from '../../web/src/node.js';

export class RecordingBinding {
  /** ports: [{path, vendorId?, productId?}] as bindings-cpp lists them (ids as hex strings). */
  constructor({ ports = [], relayTo = null } = {}) {
    this.ports = ports;
    this.relayTo = relayTo; // {host, port} of a hw-sim rfc2217 server, or null: silent
    this.calls = []; // {t, op, ...}
    this.setCount = 0;
    this.setFaults = new Map(); // set() call number -> message
    this.openFaults = []; // messages for the next open() calls
  }

  record(op, extra = {}) {
    this.calls.push({ t: performance.now(), op, ...extra });
  }

  failSet(n, message) {
    this.setFaults.set(n, message);
  }

  failAllSets(message) {
    this.allSetsFail = message;
  }

  async list() {
    return this.ports;
  }

  async open(options) {
    this.record('open', { baudRate: options.baudRate, path: options.path });
    const fault = this.openFaults.shift();
    if (fault) throw new Error(fault);
    const port = new RecordingPort(this, options);
    await port.start();
    return port;
  }

  /** The recorded set() calls and the gaps (ms) between consecutive ones. */
  lineWrites() {
    return this.calls.filter((c) => c.op === 'set');
  }
}

class RecordingPort {
  constructor(binding, options) {
    this.binding = binding;
    this.openOptions = options;
    this.isOpen = true;
    this.relay = null;
    this.reader = null;
    this.chunks = [];
    this.waiter = null;
  }

  async start() {
    const to = this.binding.relayTo;
    if (!to) return;
    this.relay = new Rfc2217Port(to.host, to.port);
    await this.relay.open({ baudRate: this.openOptions.baudRate });
    this.reader = this.relay.readable.getReader();
    (async () => {
      for (;;) {
        const { value, done } = await this.reader.read().catch(() => ({ done: true }));
        if (done) break;
        this.chunks.push(value);
        this.wake();
      }
    })();
  }

  wake() {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  async read(buffer, offset, length) {
    while (this.isOpen && !this.chunks.length) await new Promise((resolve) => (this.waiter = resolve));
    if (!this.isOpen) throw Object.assign(new Error('Port is not open'), { canceled: true });
    const chunk = this.chunks.shift();
    const n = Math.min(length, chunk.length);
    buffer.set(chunk.subarray(0, n), offset);
    if (n < chunk.length) this.chunks.unshift(chunk.subarray(n));
    return { bytesRead: n, buffer };
  }

  async write(buffer) {
    this.binding.record('write', { bytes: buffer.length });
    if (this.relay) {
      const w = this.relay.writable.getWriter();
      await w.write(new Uint8Array(buffer));
      w.releaseLock();
    }
  }

  async set(options) {
    const n = ++this.binding.setCount;
    this.binding.record('set', { dtr: options.dtr, rts: options.rts });
    const fault = this.binding.setFaults.get(n) ?? this.binding.allSetsFail;
    if (fault) throw new Error(fault);
    await this.relay?.setSignals({ dataTerminalReady: options.dtr, requestToSend: options.rts });
  }

  async update(options) {
    this.binding.record('update', { baudRate: options.baudRate });
    await this.relay?.setBaudRate(options.baudRate);
  }

  async get() {
    return { cts: false, dsr: false, dcd: false };
  }

  async close() {
    this.binding.record('close');
    this.isOpen = false;
    this.wake();
    await this.reader?.cancel().catch(() => {});
    await this.relay?.close();
  }
}
