// The serial monitor on a Device's open port, between esptool commands: the port at the app's
// console rate, what arrives handed over as bytes, lines written on request, and resets as core's
// line sequences (esptool's hard reset, its classic or USB-JTAG-Serial reset into the loader), so
// the monitor and the flasher share one open port and no reset timing lives here.
import { EsptoolError } from './errors.js';
import { PortClosedError } from './port-io.js';

/** ESP-IDF's default console rate (CONFIG_ESP_CONSOLE_UART_BAUDRATE). */
export const kAppBaud = 115200;
// A monitor read waits at most this long before checking its signal again.
const kReadSliceMs = 250;
// esptool's USB-JTAG-Serial product id (reset-and-boot.md §7): no real lines, its own sequence.
const kUsbJtagSerialPid = 0x1001;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function lostError(m, cause) {
  if (cause instanceof EsptoolError) return cause;
  return new EsptoolError(m.hostError('port_lost', `Serial port lost: ${cause?.message ?? cause}`), { cause });
}

/**
 * Reads `io` at `baud` until `signal` aborts, calling onData(Uint8Array) per chunk. Resolves
 * when aborted; rejects with EsptoolError port_lost when the port goes away.
 */
export async function runMonitor(m, io, { baud = kAppBaud, onData, signal }) {
  try {
    if (io.baudRate !== baud) await io.setBaud(baud);
    while (!signal?.aborted) {
      const data = await io.read(performance.now() + kReadSliceMs, signal).catch((error) => {
        if (signal?.aborted) return null;
        throw error;
      });
      if (data?.length) onData?.(data);
    }
  } catch (cause) {
    if (cause instanceof PortClosedError || !(cause instanceof EsptoolError)) throw lostError(m, cause);
    throw cause;
  }
}

/**
 * Replays one of core's reset sequences on `io`: 'run' (esptool's --after hard_reset: EN pulse,
 * the app starts) or 'bootloader' (esptool's --before default_reset: the ROM waits for a
 * download). `lines` {dtr, rts} is the state the lines are in now. Resolves to the final state.
 */
export async function resetOver(m, io, kind, lines) {
  const usbJtag = io.port.getInfo?.()?.usbProductId === kUsbJtagSerialPid;
  const name = kind === 'run' ? 'hard' : usbJtag ? 'usb_jtag_serial' : 'classic';
  // loader.py DEFAULT_RESET_DELAY: the classic reset holds IO0 low for 50 ms after EN.
  const steps = m.resetLineWrites(name, 50, lines.dtr, lines.rts);
  let state = { ...lines };
  try {
    for (const step of steps) {
      if ('wait' in step) await sleep(step.wait);
      else {
        await io.setSignals(step.dtr, step.rts);
        state = { dtr: step.dtr, rts: step.rts };
      }
    }
  } catch (cause) {
    throw lostError(m, cause);
  }
  return state;
}
