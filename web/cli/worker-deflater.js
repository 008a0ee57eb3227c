// A deflater for the driver (runDeviceCommand's `deflate` option) that compresses on a worker
// thread (deflate-worker.js), started at the first file and stopped by close(). A failed or
// missing worker only costs time: the engine compresses what it was not given.
import { Worker } from 'node:worker_threads';

export function workerDeflater() {
  let worker = null;
  let nextId = 0;
  const pending = new Map();
  const failAll = (error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const start = () => {
    worker = new Worker(new URL('./deflate-worker.js', import.meta.url));
    // The command's end, not this thread, decides when the process exits.
    worker.unref();
    worker.on('message', ({ id, stream, error }) => {
      const p = pending.get(id);
      pending.delete(id);
      if (error === undefined) p?.resolve(stream);
      else p?.reject(new Error(error));
    });
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('the compression worker stopped')));
  };
  return {
    deflate(input) {
      if (!worker) start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, input }, [input.buffer]);
      });
    },
    close() {
      worker?.terminate();
      worker = null;
    },
  };
}
