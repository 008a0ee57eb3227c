// The page's side of the offline tools' Worker (tools-worker.js): each call posts its arguments
// and resolves to the tool's result, rejecting with the EsptoolError the tool threw. Where the
// worker cannot start (a policy without workers), the same tools run on this thread instead.
import * as esptool from '../src/index.js';
import { EsptoolError } from '../src/errors.js';

let worker = null; // Promise<Worker | null>, started on the first call
let nextId = 1;
const pending = new Map();

function start() {
  if (typeof Worker !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    const w = new Worker(new URL('./tools-worker.js', import.meta.url), { type: 'module' });
    w.onmessage = ({ data: { id, value, error } }) => {
      const call = pending.get(id);
      pending.delete(id);
      if (error) call?.reject(new EsptoolError(error));
      else call?.resolve(value);
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      console.warn(`esptool-wasm: the offline tools' worker failed (${event.message || 'it could not be loaded'}); they run on the page's thread.`);
      w.terminate();
      worker = Promise.resolve(null);
      resolve(null);
      for (const [id, call] of pending) {
        pending.delete(id);
        call.retry();
      }
    };
    resolve(w);
  });
}

/** Runs esptool[name](...args) in the worker (or here, without one). */
export async function callTool(name, args) {
  worker ??= start();
  const w = await worker;
  if (!w) return esptool[name](...args);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, retry: () => esptool[name](...args).then(resolve, reject) });
    w.postMessage({ id, name, args });
  });
}
