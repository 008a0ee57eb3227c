// The Node CLI's compression thread: a write's files are compressed here (core's strong_deflate,
// the same bytes the engine would make) while the main thread resets and connects, so the
// compression neither delays the reset pulse nor runs on the thread that paces the port
// (DeviceRequest.host_deflates; worker-deflater.js starts this). Messages: {id, input} in,
// {id, stream} or {id, error} out, buffers transferred.
import { parentPort } from 'node:worker_threads';
import { warmStrongDeflate } from '../src/warm-deflate.js';
import { loadModule } from './load-full.js';

const module = loadModule();

parentPort.on('message', async ({ id, input }) => {
  try {
    const stream = warmStrongDeflate(await module, input);
    parentPort.postMessage({ id, stream }, [stream.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error?.message ?? String(error) });
  }
});
