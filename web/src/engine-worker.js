// The device engine's module Worker (browsers): the wasm core and its DeviceSession live here, so
// deflating a 4 MiB write, hashing it and decoding replies never hold the page's thread. The port
// stays with the page (a SerialPort cannot be handed to a worker); the driver here reaches it
// through RemotePortIo, one message per port call. A write's files are compressed on a third
// thread (WorkerDeflater below). Messages (engine-client.js is the other side):
//   page -> worker: {op:'init', wasm} first (the page's compiled device wasm, or null), then
//                   {op:'run', request} | {op:'io-reply', id, value?, error?} | {op:'abort'}
//   worker -> page: {op:'ready'} | {op:'load-failed', message} | {op:'io', id, call, args}
//                   | {op:'log', text, fromDevice} | {op:'progress', event}
//                   | {op:'done', report} | {op:'failed', error}
import { deflateRequests } from './deflate-requests.js';
import { runDeviceCommand } from './driver.js';
import { compiledWasmOf } from './instantiate-wasm.js';
import { loadDeviceModule } from './load-wasm.js';
import { errorFields } from './errors.js';
import { PortClosedError } from './port-io.js';
import { stubLoader } from './stubs.js';

const post = (message, transfer = []) => self.postMessage(message, transfer);

// The byte buffers the engine hands out are fresh copies (convert.cpp slices them out of the wasm
// heap), so they can be moved to the page instead of copied.
const ownBuffer = (bytes) => (bytes instanceof Uint8Array && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : []);

class RemotePortIo {
  constructor() {
    this.nextId = 1;
    this.pending = new Map();
  }

  call(call, args, transfer = []) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      post({ op: 'io', id, call, args }, transfer);
    });
  }

  settle({ id, value, error }) {
    const waiter = this.pending.get(id);
    if (!waiter) return;
    this.pending.delete(id);
    if (!error) waiter.resolve(value);
    else if (error.kind === 'port-closed') waiter.reject(new PortClosedError(error.message));
    else if (error.kind === 'aborted') waiter.reject(new DOMException('Cancelled', 'AbortError'));
    else waiter.reject(new Error(error.message));
  }

  // Deadlines cross as time left: the page's clock and this worker's have different origins.
  read(deadline) {
    return this.call('read', [deadline - performance.now()]);
  }
  write(bytes) {
    return this.call('write', [bytes], ownBuffer(bytes));
  }
  setSignals(dtr, rts) {
    return this.call('signals', [dtr, rts]);
  }
  setBaud(baud) {
    return this.call('baud', [baud]);
  }
}

// A write's files are compressed on a Worker of their own (deflate-worker.js), started at the
// first write and kept for the Device's later ones; a failure only costs time (the engine
// compresses what it was not given).
class WorkerDeflater {
  constructor(wasm) {
    this.wasm = wasm;
    this.worker = null;
    this.requests = deflateRequests();
  }

  deflate = (input) => {
    if (!this.worker) this.start();
    return this.requests.send((message, transfer) => this.worker.postMessage(message, transfer), input);
  };

  start() {
    this.worker = new Worker(new URL('./deflate-worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = ({ data }) => this.requests.settle(data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.requests.failAll(new Error(event.message || 'the compression worker failed'));
      this.worker.terminate();
      this.worker = null;
    };
    this.worker.postMessage({ op: 'init', wasm: this.wasm });
  }
}

const io = new RemotePortIo();
let running = null; // the AbortController of the command being run
// One worker per Device: the stub files fetched here serve all of that Device's commands.
const loadStub = stubLoader();
let init;
const initialised = new Promise((resolve) => {
  init = resolve;
});
const engine = initialised
  .then((wasm) => loadDeviceModule({ compiled: wasm ?? undefined }))
  .then((m) => ({ m, session: new m.DeviceSession(), deflater: new WorkerDeflater(compiledWasmOf(m)) }));
engine.then(
  () => post({ op: 'ready' }),
  (error) => post({ op: 'load-failed', message: error?.message ?? String(error) }),
);

async function run(request) {
  // Set before the first await, so an abort that follows the run message at once is not lost.
  const controller = new AbortController();
  running = controller;
  try {
    const { m, session, deflater } = await engine;
    const report = await runDeviceCommand(m, session, io, request, {
      signal: controller.signal,
      loadStub,
      deflate: deflater.deflate,
      onProgress: (event) => post({ op: 'progress', event }),
      onLog: (text, { fromDevice }) => post({ op: 'log', text, fromDevice }),
    });
    post({ op: 'done', report }, ownBuffer(report.data));
  } catch (error) {
    post({ op: 'failed', error: errorFields(error) });
  } finally {
    running = null;
  }
}

self.onmessage = ({ data }) => {
  if (data.op === 'init') init(data.wasm);
  else if (data.op === 'io-reply') io.settle(data);
  else if (data.op === 'abort') running?.abort();
  else if (data.op === 'run') run(data.request);
};
