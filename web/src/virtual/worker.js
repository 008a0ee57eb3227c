// The virtual port's module Worker: one SimHost (the simulated chip) per worker, driven by the
// VirtualSerialPort's messages (sim-host.js lists them).
import { SimHost } from './sim-host.js';

const host = new SimHost((message, transfer) => self.postMessage(message, transfer ?? []));
self.onmessage = (event) => {
  host.handle(event.data);
};
