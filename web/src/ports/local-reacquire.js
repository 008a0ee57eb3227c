// Finding a local serial port again after its cable was unplugged (the CLI's replug recovery):
// the same device path once it is there again, or a listed port with the same USB vendor and
// product ids and serial number (a board that came back under another name, /dev/ttyUSB1).
// Polled until a time limit; it only finds the port, the engine decides what to do with it.
import { access } from 'node:fs/promises';

const kPollMs = 100;

const exists = (path) => access(path).then(() => true, () => false);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves to the path standing for `old`'s device (`old.path`, and `old.getInfo()` with
 * usbVendorId/usbProductId/serialNumber when known) once it is back; rejects after `timeoutMs`.
 * `list()` lists ports as listSerialPorts does ([{path, vendorId, productId, serialNumber}]).
 */
export async function findSameLocalPath(old, { list, timeoutMs, pollMs = kPollMs }) {
  const info = old.getInfo?.() ?? {};
  const byIds = info.usbVendorId !== undefined && info.serialNumber !== undefined;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await exists(old.path)) return old.path;
    if (byIds) {
      const ports = await list().catch(() => []);
      const same = ports.find(
        (p) => p.vendorId === info.usbVendorId && p.productId === info.usbProductId && p.serialNumber === info.serialNumber,
      );
      if (same) return same.path;
    }
    if (performance.now() >= deadline) throw new Error(`it did not come back within ${timeoutMs} ms`);
    await delay(Math.min(pollMs, Math.max(0, deadline - performance.now())));
  }
}
