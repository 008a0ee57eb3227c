// The page's compression Worker, started by the engine's Worker (engine-worker.js) for a write:
// the files are compressed here (core's strong_deflate, the stream the engine would make) while
// the engine resets and connects, so a 4 MiB compression no longer holds the engine's thread
// through the reset pulse (DeviceRequest.host_deflates). The Node CLI has its own
// (web/cli/deflate-worker.js, over worker_threads). Messages: {op:'init', wasm} first (the
// device module as the page compiled it, or null), then the requests of deflate-requests.js.
import { loadDeviceModule } from './load-wasm.js';
import { answerDeflateRequest } from './warm-deflate.js';

let module = null;

self.onmessage = async ({ data }) => {
  if (data.op === 'init') {
    module = loadDeviceModule({ compiled: data.wasm ?? undefined });
    module.catch(() => {}); // each request below reports it
    return;
  }
  answerDeflateRequest(module, data, (message, transfer) => self.postMessage(message, transfer));
};
