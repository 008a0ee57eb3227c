// The page's real Web Serial path, without hardware: the test injects a stand-in
// navigator.serial whose one port is backed, through Playwright bindings, by the native hw-sim
// server over RFC 2217. So requestPort (with the page's USB filters), open at 115200, DTR/RTS
// reset, close and reopen at the new baud rate, and close are the page's own calls, answered by
// a simulated chip on the other side of a socket.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Rfc2217Port } from '../../web/src/ports/rfc2217.js';
import { startHwSim } from '../node/hwsim.mjs';
import { download, dropFiles, openPage, root, startServer } from './support.mjs';

let sim;
let server;
let session;
let remote;
const calls = []; // what the page asked of its port, in order

// The stand-in SerialPort, evaluated in the page before its scripts run. Reads poll the Node
// side (each poll waits at most ~20 ms there), so nothing here needs a timer of its own.
function installStandin() {
  const call = (...args) => window.__standinSerial(...args);
  class StandinPort extends EventTarget {
    constructor() {
      super();
      this.readable = null;
      this.writable = null;
      this.opened = false;
    }
    getInfo() {
      return { usbVendorId: 0x10c4, usbProductId: 0xea60 };
    }
    async open({ baudRate }) {
      if (this.opened) throw new DOMException('The port is already open.', 'InvalidStateError');
      // What Chromium answers when another program holds the device.
      if (window.__standinBusy) throw new DOMException('Failed to open serial port.', 'NetworkError');
      await call('open', baudRate);
      this.opened = true;
      const port = this;
      let cancelled = false;
      this.readable = new ReadableStream({
        async pull(controller) {
          while (!cancelled && port.opened) {
            const bytes = await call('read');
            if (cancelled) return;
            if (bytes.length) {
              controller.enqueue(new Uint8Array(bytes));
              return;
            }
          }
          if (!cancelled) controller.close();
        },
        cancel() {
          cancelled = true;
        },
      });
      this.writable = new WritableStream({ write: (chunk) => call('write', Array.from(chunk)) });
    }
    async setSignals(signals) {
      await call('signals', signals);
    }
    async getSignals() {
      return { dataCarrierDetect: false, clearToSend: false, ringIndicator: false, dataSetReady: false };
    }
    async close() {
      if (this.readable?.locked || this.writable?.locked) {
        throw new DOMException('Cannot close a locked stream.', 'InvalidStateError');
      }
      this.opened = false;
      this.readable = null;
      this.writable = null;
      await call('close');
    }
  }
  const port = new StandinPort();
  const serial = {
    requestPort: async (options) => {
      window.__standinFilters = options?.filters ?? null;
      // What Chromium answers when the user closes the chooser without picking a port.
      if (window.__standinCancel) throw new DOMException('No port selected by the user.', 'NotFoundError');
      return port;
    },
    getPorts: async () => [port],
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(navigator, 'serial', { value: serial, configurable: true });
}

// The Node side of the stand-in: one RFC 2217 connection to hw-sim for the whole test, as a
// USB-serial adapter stays one device while the page closes and reopens it.
async function handle(_source, op, arg) {
  calls.push(op === 'write' || op === 'read' ? op : `${op} ${JSON.stringify(arg ?? '')}`);
  switch (op) {
    case 'open':
      if (!remote.opened) {
        await remote.port.open({ baudRate: arg });
        remote.opened = true;
        pump();
      } else {
        await remote.port.setBaudRate(arg);
      }
      return null;
    case 'close':
      remote.queue = [];
      return null;
    case 'write': {
      const writer = remote.port.writable.getWriter();
      try {
        await writer.write(Uint8Array.from(arg));
      } finally {
        writer.releaseLock();
      }
      return null;
    }
    case 'read': {
      if (!remote.queue.length) await new Promise((resolve) => setTimeout(resolve, 20));
      const out = remote.queue.flatMap((chunk) => Array.from(chunk));
      remote.queue = [];
      return out;
    }
    case 'signals':
      await remote.port.setSignals(arg);
      return null;
    default:
      throw new Error(`stand-in: unknown op ${op}`);
  }
}

async function pump() {
  const reader = remote.port.readable.getReader();
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ done: true }));
    if (done) return;
    remote.queue.push(value);
  }
}

before(async () => {
  sim = await startHwSim({ chip: 'esp32', protocol: 'rfc2217' });
  remote = { port: new Rfc2217Port('127.0.0.1', sim.port), opened: false, queue: [] };
  server = await startServer();
  session = await openPage(server.url, {
    beforeNavigate: async (context) => {
      await context.exposeBinding('__standinSerial', handle);
      await context.addInitScript(installStandin);
    },
  });
});

after(async () => {
  await session?.browser.close();
  await remote?.port.close().catch(() => {});
  await server?.stop();
  await sim?.stop();
});

test('a closed chooser and a port held elsewhere each get one sentence with what to do', async () => {
  const { page } = session;
  const connectButton = page.getByRole('button', { name: 'Connect', exact: true });
  await page.evaluate(() => (window.__standinCancel = true));
  await connectButton.click();
  await page.waitForSelector('#dev-error [data-error-name=no_port]');
  assert.match(await page.textContent('#dev-error'), /No serial port was chosen.*Plug the board in and choose its port/);
  await page.evaluate(() => {
    window.__standinCancel = false;
    window.__standinBusy = true;
  });
  await connectButton.click();
  await page.waitForSelector('#dev-error [data-error-name=port_busy]');
  assert.match(await page.textContent('#dev-error'), /another program may be using it.*Close the other program/);
  assert.equal(await page.getAttribute('body', 'data-device'), 'none');
  await page.evaluate(() => (window.__standinBusy = false));
});

test('Connect goes through requestPort with the USB filters, resets the chip and reopens at 921600', async () => {
  const { page } = session;
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.waitForSelector('#dev-chip .chip-name', { timeout: 30000 });
  assert.match(await page.textContent('#dev-chip'), /ChipESP32Revision/);
  assert.match(await page.textContent('#dev-status'), /Silicon Labs CP210x \(10c4:ea60\)/);
  const filters = await page.evaluate(() => window.__standinFilters);
  assert.ok(filters.some((f) => f.usbVendorId === 0x303a && f.usbProductId === 0x1001), 'Espressif USB-JTAG-serial');
  assert.ok(filters.some((f) => f.usbVendorId === 0x10c4 && f.usbProductId === 0xea60), 'CP210x');
  const opens = calls.filter((c) => c.startsWith('open'));
  assert.equal(opens[0], 'open 115200');
  assert.ok(opens.includes('open 921600'), `reopened at the new rate: ${opens.join(', ')}`);
  const closeBeforeFast = calls.indexOf('open 921600') - 1;
  assert.equal(calls[closeBeforeFast], 'close ""', 'Web Serial fixes the rate at open(): close, then open');
  const resets = calls.filter((c) => c.startsWith('signals'));
  assert.ok(resets.some((c) => c.includes('"dataTerminalReady":false') && c.includes('"requestToSend":true')), 'EN held low');
  assert.ok(resets.some((c) => c.includes('"dataTerminalReady":true') && c.includes('"requestToSend":false')), 'GPIO0 low');
});

test('a file flashed through the stand-in port reads back the same', async () => {
  const { page } = session;
  const data = Buffer.alloc(0x3000);
  for (let i = 0; i < data.length; i++) data[i] = (i * 13 + (i >> 8)) & 0xff;
  await dropFiles(page, '[data-drop=device]', [{ name: 'blob.bin', bytes: data }]);
  await page.fill('#dev-table tr[data-name="blob.bin"] input', '0x110000');
  await page.waitForSelector('#dev-flash:not([disabled])');
  await page.click('#dev-flash');
  await page.waitForSelector('#dev-progress[data-state=ok]', { timeout: 60000 });
  await page.fill('#dev-read-offset', '0x110000');
  await page.fill('#dev-read-size', String(data.length));
  await page.click('#dev-read');
  const link = page.locator('#dev-read-result a.download');
  await link.waitFor({ timeout: 60000 });
  const back = (await download(page, link)).bytes;
  assert.ok(Buffer.compare(back, data) === 0);
  await page.screenshot({ path: join(root, 'build/screenshots/device-standin-serial.png'), fullPage: true });
});

test('Disconnect closes the port', async () => {
  const { page } = session;
  calls.length = 0;
  await page.click('#dev-disconnect');
  await page.waitForSelector('body[data-device=none]');
  // Reads that were already polling may still land; then the port is closed, once.
  assert.deepEqual(calls.filter((c) => c !== 'read'), ['close ""']);
  assert.match(await page.textContent('#dev-status'), /Disconnected/);
});
