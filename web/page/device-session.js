// The page's one connection to a chip: opening a Web Serial port or the virtual device, running
// one command at a time with a Cancel that aborts it, feeding the log, and closing the port on
// Disconnect or when the page goes away. Each command is a whole esptool command (reset, sync,
// stub, baud, the command, --after); the settings are read when it starts. Between commands the
// serial monitor may read the same open port; a command stops it first.
import * as esptool from '../src/index.js';

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
// The report's protocol trace: the latest entries, each with at most 64 bytes of data.
const kTraceEntries = 4000;
const kTraceBytes = 64;

export class DeviceSession {
  /**
   * settings(): {baud, before, after, noStub, trace}; log: DeviceLog; chipOutput(line): what
   * the chip printed during a command; onChange(state) after every connect, disconnect, start
   * and end of a command or monitor; onFlashed() after a write that ended with a hard reset.
   */
  constructor({ settings, log, chipOutput, onChange, onFlashed }) {
    Object.assign(this, { settings, log, chipOutput, onChange, onFlashed });
    this.monitoring = null; // {controller, job, baud}
    this.trace = []; // [{time, kind, bytes, length, value}], always kept for the report
    this.chipFacts = null; // what the chip said about itself (the report's chip section)
    this.device = null;
    this.port = null;
    this.portName = '';
    this.virtual = null; // the VirtualSerialPort, when that is what is open
    this.busy = null; // {label, controller}
    addEventListener('pagehide', () => this.disconnect());
  }

  get connected() {
    return Boolean(this.device);
  }

  /** Opens `port` (a SerialPort or the virtual one); `name` is shown in the status line. */
  async open(port, name) {
    await this.disconnect();
    const { baud, before } = this.settings();
    // The rate a baud fallback settled on for this port before (remembered per USB device).
    const key = `esptool-wasm.baud:${name}`;
    const remembered = Number(globalThis.localStorage?.getItem(key)) || 0;
    const onBaudLimit = (rate) => {
      globalThis.localStorage?.setItem(key, String(rate));
      this.log.add(`${rate} baud is now the fastest rate used on ${name}.`, 'note');
    };
    this.device = await esptool.connect(port, {
      baud,
      before,
      baudLimit: remembered,
      onBaudLimit,
      onPortChange: (next) => this.portChanged(next),
      onPortLost: () => this.device?.reacquires && this.lostForGood(),
    });
    if (remembered && remembered < baud) this.log.add(`Using at most ${remembered} baud on ${name} (a faster rate failed before).`, 'note');
    this.port = port;
    this.portName = name;
    port.addEventListener?.('disconnect', this.onUnplug);
    this.onChange();
  }

  // A native-USB board re-enumerated after a reset, or a board was plugged back in, and was found
  // again: same device, maybe a new port object.
  portChanged(next) {
    const replugged = next === this.port;
    this.port?.removeEventListener?.('disconnect', this.onUnplug);
    this.port = next;
    next.addEventListener?.('disconnect', this.onUnplug);
    if (this.virtual) this.virtual = next;
    const how = replugged ? 'was plugged back in' : 're-enumerated after a reset';
    this.log.add(`${this.portName} ${how}; reopened it without asking again.`, 'note');
    this.onChange();
  }

  onUnplug = () => {
    // A re-enumerating board comes back by itself (onPortChange), or is reported by onPortLost.
    if (this.device?.reacquires) return;
    this.lostForGood();
  };

  lostForGood() {
    this.log.add(`${this.portName} was unplugged.`, 'error');
    // The running command fails with the port-lost error by itself; the port is dead either way.
    this.drop();
  }

  async connectSerial({ allPorts }) {
    const port = await esptool.requestSerialPort({ allPorts });
    await this.open(port, await esptool.describePort(port));
  }

  async connectVirtual({ chip, flashSize, paced, console, faults, maxBaud, noBootWiring, secureDownloadMode }) {
    const { createVirtualPort } = await import('../src/virtual/index.js');
    // The simulated app prints a log line a second once it is flashed: the monitor shows it.
    const port = createVirtualPort({ chip, flashSize, paced, console, faults, maxBaud, noBootWiring, secureDownloadMode, appPrintMs: 1000 });
    await this.open(port, `Virtual ${chip} (${flashSize})`);
    this.virtual = port;
  }

  /** Starts the serial monitor at `baud` (stopping one that runs); onData(Uint8Array). */
  async startMonitor(baud, onData) {
    if (!this.device || this.busy) return;
    await this.stopMonitor();
    const controller = new AbortController();
    const job = this.device.monitor({ baud, onData, signal: controller.signal });
    const entry = { controller, job, baud };
    this.monitoring = entry;
    this.log.add(`— Monitor at ${baud} baud —`, 'note');
    this.onChange();
    job
      .catch((error) => this.log.add(`Monitor stopped: ${error.message}`, 'error'))
      .finally(() => {
        if (this.monitoring !== entry) return;
        this.monitoring = null;
        this.onChange();
      });
  }

  async stopMonitor() {
    const entry = this.monitoring;
    if (!entry) return;
    this.monitoring = null;
    entry.controller.abort();
    await entry.job.catch(() => {});
    this.onChange();
  }

  // Forgets the device without waiting for it (it is gone, or its command is failing).
  drop() {
    this.monitoring?.controller.abort();
    this.monitoring = null;
    const device = this.device;
    this.port?.removeEventListener?.('disconnect', this.onUnplug);
    this.device = null;
    this.port = null;
    this.virtual = null;
    device?.close().catch(() => {});
    this.onChange();
  }

  /** Cancels what runs, releases the port so another program (or tab) can open it. */
  async disconnect() {
    if (!this.device) return;
    this.busy?.controller.abort();
    await this.stopMonitor();
    const device = this.device;
    this.port?.removeEventListener?.('disconnect', this.onUnplug);
    this.device = null;
    this.port = null;
    this.virtual = null;
    await device.close().catch(() => {});
    this.onChange();
  }

  record(kind, value) {
    const entry = { time: performance.now(), kind };
    if (value instanceof Uint8Array) Object.assign(entry, { bytes: value.slice(0, kTraceBytes), length: value.length });
    else entry.value = value;
    this.trace.push(entry);
    if (this.trace.length > kTraceEntries) this.trace.splice(0, this.trace.length - kTraceEntries);
  }

  cancel() {
    this.busy?.controller.abort();
  }

  /**
   * Runs fn(device, callOptions) as the one command in flight. callOptions carry the settings,
   * the abort signal and the log callbacks; `onProgress(event)` is added to them. Resolves to
   * fn's result; rejects with EsptoolError (already logged, as a plain note when `quiet`).
   */
  async run(label, fn, { onProgress, quiet = false } = {}) {
    if (!this.device) throw new Error('not connected');
    if (this.busy) throw new Error(`${this.busy.label} is still running`);
    const controller = new AbortController();
    this.busy = { label, controller };
    this.onChange();
    const { baud, before, after, noStub, trace } = this.settings();
    const options = {
      baud, before, after, noStub,
      signal: controller.signal,
      onLog: (text, { fromDevice }) => {
        this.log.endProgress();
        this.log.add(text, fromDevice ? 'device' : 'esptool');
        if (fromDevice) this.chipOutput?.(text);
      },
      onProgress: (event) => {
        if (event.text) this.log.progress(event.text);
        onProgress?.(event);
      },
      onTrace: (kind, value) => {
        this.record(kind, value);
        if (trace) this.log.add(traceLine(kind, value), 'trace');
      },
    };
    this.log.add(`— ${label} —`, 'note');
    try {
      await this.stopMonitor();
      const result = await fn(this.device, options);
      if (label === 'Flash' && after === 'hard_reset') queueMicrotask(() => this.onFlashed?.());
      return result;
    } catch (error) {
      this.log.endProgress();
      if (quiet) this.log.add(`${label}: ${error.message}`, 'note');
      else this.log.add(`A fatal error occurred: ${error.message}`, 'error');
      if (!quiet && error?.hint) this.log.add(error.hint, 'note');
      throw error;
    } finally {
      this.busy = null;
      this.onChange();
    }
  }
}

function traceLine(kind, value) {
  const t = (performance.now() / 1000).toFixed(3);
  if (kind === 'write' || kind === 'read') {
    const arrow = kind === 'write' ? 'Write' : 'Read';
    return `TRACE +${t} ${arrow} ${value.length} bytes: ${hex(value.subarray(0, 64))}${value.length > 64 ? ' …' : ''}`;
  }
  if (kind === 'signals') return `TRACE +${t} DTR=${Number(value.dtr)} RTS=${Number(value.rts)}`;
  return `TRACE +${t} baud ${value}`;
}
