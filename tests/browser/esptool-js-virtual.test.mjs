// Another web flasher against our virtual device: esptool-js 0.7.0 (devDependency alias
// "esptool-js-0.7.0"), unchanged, runs its ESPLoader + Transport in Debian's Chromium over
// createVirtualPort({chip: 'esp32'}) whose chip runs in a module Worker, connects (classic
// reset, stub, baud change by close/reopen), writes an image and hard-resets; the test checks the
// simulated flash through the port's readFlash() hook. esptool-js's bundle is served by a
// test-only Playwright route (never committed, never added to the dev server).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/tools/static-server.js';

const require = createRequire(import.meta.url);
const bundlePath = require.resolve('esptool-js-0.7.0/bundle.js');
const built = existsSync(new URL('../../web/dist/hw-sim.wasm', import.meta.url));
const skip = built ? false : 'web/dist/hw-sim.wasm is not built (web/tools/build.sh)';

// toolchain.md: the launch arguments that work for Debian's Chromium here.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

let server;
let browser;
let page;
const problems = [];

before(async () => {
  if (skip) return;
  const started = await startServer({ port: 0 });
  server = started.server;
  const origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.route(`${origin}/__test__/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/__test__/esptool-js.js') {
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(bundlePath, 'utf8') });
    }
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>esptool-js on the virtual device</title>' });
  });
  await page.goto(`${origin}/__test__/blank.html`);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('esptool-js 0.7.0 flashes the virtual ESP32 (in a Worker) unchanged', { skip, timeout: 60000 }, async () => {
  const result = await page.evaluate(async () => {
    const { ESPLoader, Transport } = await import('/__test__/esptool-js.js');
    const { createVirtualPort } = await import('/src/virtual/index.js');
    const port = createVirtualPort({ chip: 'esp32', paced: false });
    const lines = [];
    let partial = '';
    const terminal = {
      clean() {},
      writeLine(text) {
        lines.push(partial + text);
        partial = '';
      },
      write(text) {
        partial += text;
      },
    };
    const data = new Uint8Array(48 * 1024);
    for (let i = 0; i < data.length; i++) data[i] = i % 32 < 20 ? (i >> 5) & 0xff : (i * 2654435761) >>> 24;
    const transport = new Transport(port, false);
    const loader = new ESPLoader({ transport, baudrate: 921600, romBaudrate: 115200, terminal, debugLogging: false });
    const opens = [];
    const open = port.open.bind(port);
    port.open = (o) => (opens.push(o.baudRate), open(o));
    const run = (async () => {
      const chip = await loader.main('default_reset');
      await loader.writeFlash({
        fileArray: [{ data, address: 0x10000 }],
        flashMode: 'keep',
        flashFreq: 'keep',
        flashSize: 'keep',
        eraseAll: false,
        compress: true,
      });
      await loader.after('hard_reset');
      await transport.disconnect();
      return chip;
    })();
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('esptool-js did not finish within 45 s')), 45000);
    });
    try {
      const chip = await Promise.race([run, timeout]);
      const back = await port.readFlash(0x10000, data.length);
      const same = back.length === data.length && back.every((b, i) => b === data[i]);
      const stats = await port.stats();
      return { ok: true, chip, same, opens, stats, inWorker: port.options.worker, info: port.getInfo(), lines };
    } catch (e) {
      return { ok: false, error: String(e?.message ?? e), lines, opens };
    } finally {
      clearTimeout(timer);
      await port.forget();
    }
  });
  assert.ok(result.ok, `${result.error}\n${result.lines.join('\n')}\n${problems.join('\n')}`);
  assert.match(result.chip, /^ESP32-D0WD/);
  assert.equal(result.inWorker, true);
  assert.deepEqual(result.info, { usbVendorId: 0x10c4, usbProductId: 0xea60 });
  assert.ok(result.same, 'the simulated flash holds the image esptool-js wrote');
  assert.equal(result.opens[0], 115200, `opens: ${result.opens}`);
  assert.equal(result.opens.at(-1), 921600, `baud change by close and reopen; opens: ${result.opens}`);
  assert.ok(result.stats.hostBytes > 1000 && result.stats.deviceBytes > 100, JSON.stringify(result.stats));
  assert.ok(result.lines.some((l) => /^Wrote 49152 bytes/.test(l)), result.lines.join('\n'));
});
