// A deflater for the driver (runDeviceCommand's `deflate` option) that compresses on a worker
// thread (deflate-worker.js), started at the first file and stopped by close(). A failed or
// missing worker only costs time: the engine compresses what it was not given.
import { Worker } from 'node:worker_threads';
import { deflateRequests } from '../src/deflate-requests.js';

export function workerDeflater() {
  let worker = null;
  const requests = deflateRequests();
  const start = () => {
    worker = new Worker(new URL('./deflate-worker.js', import.meta.url));
    // The command's end, not this thread, decides when the process exits.
    worker.unref();
    worker.on('message', requests.settle);
    worker.on('error', requests.failAll);
    worker.on('exit', () => requests.failAll(new Error('the compression worker stopped')));
  };
  return {
    deflate(input) {
      if (!worker) start();
      return requests.send((message, transfer) => worker.postMessage(message, transfer), input);
    },
    close() {
      worker?.terminate();
      worker = null;
    },
  };
}
