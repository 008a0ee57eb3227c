// A plain serial console on a port after an install: the chip's output as text lines at the
// app's baud, and "Reset device" as core's hard-reset line sequence (esptool's --after
// hard_reset), so no reset timing lives here.
import { loadDeviceModule } from './load-wasm.js';

const kAppBaud = 115200;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens `port` at `baud` (115200) and calls onText(text) with what the chip prints (and
 * onBytes(bytes) with the raw bytes, e.g. for an Improv client). Resolves to
 * {reset(), write(text), close()}; close() releases the port for other programs.
 */
export async function openSerialConsole(port, { baud = kAppBaud, onText, onBytes } = {}) {
  const m = await loadDeviceModule();
  await port.open({ baudRate: baud });
  const decoder = new TextDecoder();
  const reader = port.readable.getReader();
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (!value?.length) continue;
        onBytes?.(value);
        onText?.(decoder.decode(value, { stream: true }));
      }
    } catch {
      // The port went away or closed under us: the console just stops.
    } finally {
      reader.releaseLock();
    }
  })();
  let closed = false;
  return {
    async reset() {
      for (const step of m.resetLineWrites('hard', 0, false, false)) {
        if ('wait' in step) await sleep(step.wait);
        else await port.setSignals({ dataTerminalReady: step.dtr, requestToSend: step.rts });
      }
    },
    async write(text) {
      const writer = port.writable.getWriter();
      try {
        await writer.write(new TextEncoder().encode(text));
      } finally {
        writer.releaseLock();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await reader.cancel().catch(() => {});
      await pump;
      await port.close().catch(() => {});
    },
  };
}
