// Where a Device's commands run. In a browser: WorkerEngine, the wasm engine in a module Worker
// (engine-worker.js) while the port stays on this thread, so a long write keeps the page
// responsive; each port call the worker's driver makes is served here. Elsewhere (Node, or a
// page whose policy forbids workers): InlineEngine, the engine on this thread.
import { InlineEngine } from './driver.js';
import { compiledWasmOf } from './instantiate-wasm.js';
import { EsptoolError } from './errors.js';
import { PortClosedError } from './port-io.js';

/** True where a module Worker can run the engine (a browser page). */
export const canUseWorker = () => typeof Worker === 'function' && typeof document !== 'undefined';

function replyError(error) {
  if (error instanceof PortClosedError) return { kind: 'port-closed', message: error.message };
  if (error?.name === 'AbortError') return { kind: 'aborted', message: error.message };
  return { kind: 'error', message: error?.message ?? String(error) };
}

// One port call of the worker's driver, performed on `io` and traced as the driver traces it.
async function servePortCall(io, { call, args }, signal, onTrace) {
  switch (call) {
    case 'write':
      onTrace?.('write', args[0]);
      return io.write(args[0]);
    case 'read': {
      const data = await io.read(performance.now() + args[0], signal);
      if (data) onTrace?.('read', data);
      return data;
    }
    case 'signals':
      onTrace?.('signals', { dtr: args[0], rts: args[1] });
      return io.setSignals(args[0], args[1]);
    case 'baud':
      onTrace?.('baud', args[0]);
      return io.setBaud(args[0]);
    default:
      throw new Error(`unknown port call ${call}`);
  }
}

export class WorkerEngine {
  /** @param {any} m the wasm module on this thread (for the inline fallback) */
  constructor(m) {
    this.m = m;
    this.inline = null;
    this.handler = null; // the running command's message handler
    this.worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
    // The device wasm this thread already compiled (null: the worker fetches it itself).
    this.worker.postMessage({ op: 'init', wasm: compiledWasmOf(m) });
    // Resolves true when the worker's module loaded, false when the worker cannot run (then
    // commands run inline, as they would in Node).
    this.started = new Promise((resolve) => {
      this.worker.onmessage = ({ data }) => {
        if (data.op === 'ready') resolve(true);
        else if (data.op === 'load-failed') resolve(this.giveUp(data.message));
        else this.handler?.(data);
      };
      this.worker.onerror = (event) => {
        event.preventDefault?.();
        resolve(this.giveUp(event.message || 'it could not be loaded'));
        this.handler?.({ op: 'crashed', message: event.message });
      };
    });
  }

  giveUp(reason) {
    console.warn(`esptool-wasm: the engine's worker failed (${reason}); device commands run on the page's thread.`);
    this.worker.terminate();
    return false;
  }

  /** Runs `request` as runDeviceCommand does; resolves to the report, rejects with EsptoolError. */
  async run(request, io, { signal, onProgress, onLog, onTrace } = {}) {
    if (!(await this.started)) {
      this.inline ??= new InlineEngine(this.m);
      return this.inline.run(request, io, { signal, onProgress, onLog, onTrace });
    }
    const onAbort = () => this.worker.postMessage({ op: 'abort' });
    return new Promise((resolve, reject) => {
      const finish = (settle, value) => {
        signal?.removeEventListener('abort', onAbort);
        this.handler = null;
        settle(value);
      };
      this.handler = (data) => {
        switch (data.op) {
          case 'io':
            servePortCall(io, data, signal, onTrace).then(
              // Copied, not moved: the trace keeps the bytes read.
              (value) => this.worker.postMessage({ op: 'io-reply', id: data.id, value }),
              (error) => this.worker.postMessage({ op: 'io-reply', id: data.id, error: replyError(error) }),
            );
            break;
          case 'log':
            onLog?.(data.text, { fromDevice: data.fromDevice });
            break;
          case 'progress':
            onProgress?.(data.event);
            break;
          case 'done':
            finish(resolve, data.report);
            break;
          case 'failed':
            finish(reject, new EsptoolError(data.error));
            break;
          case 'crashed':
            finish(
              reject,
              new EsptoolError({
                code: 0x00ff,
                name: 'internal',
                message: `Internal error: the engine's worker stopped (${data.message || 'no reason given'}).`,
                hint: 'Please report this with the command that caused it.',
              }),
            );
            break;
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.worker.postMessage({ op: 'run', request });
      if (signal?.aborted) onAbort();
    });
  }

  close() {
    this.worker.terminate();
    this.inline?.close();
  }
}

/** The engine for a new Device: in a Worker where one can run, inline otherwise. */
export function makeEngine(m, { worker = canUseWorker() } = {}) {
  return worker ? new WorkerEngine(m) : new InlineEngine(m);
}
