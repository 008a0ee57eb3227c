// The Node CLI's compression thread: a write's files are compressed here (core's strong_deflate,
// the same bytes the engine would make) while the main thread resets and connects, so the
// compression neither delays the reset pulse nor runs on the thread that paces the port
// (DeviceRequest.host_deflates; worker-deflater.js starts this). Messages: deflate-requests.js.
import { parentPort } from 'node:worker_threads';
import { answerDeflateRequest } from '../src/warm-deflate.js';
import { loadModule } from './load-full.js';

const module = loadModule();

parentPort.on('message', (request) => answerDeflateRequest(module, request, (message, transfer) => parentPort.postMessage(message, transfer)));
