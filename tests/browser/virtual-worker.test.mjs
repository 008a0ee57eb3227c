// The virtual port's Worker path in Chromium (Node has no Web Worker, so tests/node covers the
// same-thread path only): our connect() writes and reads back through a chip running in a module
// Worker, an unplug mid-write ends the command with port_lost and a replugged board connects
// again; paced, the bytes take their wire time while the page's main thread stays free.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/tools/static-server.js';

const built = existsSync(new URL('../../web/dist/hw-sim.wasm', import.meta.url));
const skip = built ? false : 'web/dist/hw-sim.wasm is not built (web/tools/build.sh)';

// toolchain.md: the launch arguments that work for Debian's Chromium here.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

let server;
let browser;
let page;

before(async () => {
  if (skip) return;
  const started = await startServer({ port: 0 });
  server = started.server;
  const origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.route(`${origin}/__test__/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>virtual port</title>' }));
  await page.goto(`${origin}/__test__/blank.html`);
  // Helpers shared by the tests, in the page.
  await page.evaluate(() => {
    window.testData = (n, seed) => {
      const out = new Uint8Array(n);
      let s = seed >>> 0;
      for (let i = 0; i < n; i++) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        out[i] = i % 32 < 20 ? (i >> 5) & 0xff : s >>> 24;
      }
      return out;
    };
    window.within = (ms, promise, what) => {
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
      });
      return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
    };
    window.equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

// recover:false, so the unplug ends the write at once (with recovery on, the page waits for the
// board: tests/node/replug.test.mjs, the Device tab's replug test).
test('connect() over a Worker-backed ESP32-S3: write, read back, unplug mid-write (recover:false), replug', { skip, timeout: 60000 }, async () => {
  const r = await page.evaluate(async () => {
    const { connect } = await import('/src/index.js');
    const { createVirtualPort } = await import('/src/virtual/index.js');
    const port = createVirtualPort({ chip: 'esp32s3', paced: false });
    const out = { inWorker: port.options.worker };
    try {
      const data = testData(100000, 3);
      const device = await within(20000, connect(port, { baud: 921600, recover: false }), 'connect');
      await within(20000, device.writeFlash([{ offset: 0x10000, data }]), 'writeFlash');
      out.readBack = equal(await within(20000, device.readFlash(0x10000, data.length), 'readFlash'), data);
      out.hook = equal(await port.readFlash(0x10000, data.length), data);
      let disconnects = 0;
      port.addEventListener('disconnect', () => disconnects++);
      await port.unplug({ afterHostBytes: 20000 });
      const t0 = performance.now();
      out.lost = await within(20000, device.writeFlash([{ offset: 0x80000, data }], { compress: false }), 'the write').then(
        () => 'resolved',
        (e) => e.name,
      );
      out.lostMs = performance.now() - t0;
      out.disconnects = disconnects;
      out.connected = port.connected;
      await device.close();
      await port.replug();
      const again = await within(20000, connect(port, { baud: 921600 }), 'the second connect');
      out.mac = await within(20000, again.readMac(), 'readMac');
      await again.close();
    } catch (e) {
      out.error = String(e?.stack ?? e);
    } finally {
      await port.forget();
    }
    return out;
  });
  assert.equal(r.error, undefined, r.error);
  assert.equal(r.inWorker, true);
  assert.ok(r.readBack, 'read back through the API');
  assert.ok(r.hook, 'readFlash() hook');
  assert.equal(r.lost, 'port_lost');
  assert.ok(r.lostMs < 3000, `${r.lostMs} ms: at once, not at a timeout`);
  assert.equal(r.disconnects, 1);
  assert.equal(r.connected, false);
  assert.equal(typeof r.mac, 'object');
});

test('paced: a write takes at least its wire time (long tasks reported)', { skip, timeout: 60000 }, async (t) => {
  const r = await page.evaluate(async () => {
    const { connect } = await import('/src/index.js');
    const { createVirtualPort } = await import('/src/virtual/index.js');
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const port = createVirtualPort({ chip: 'esp32', paced: true });
    const out = {};
    try {
      const data = testData(64 * 1024, 4);
      const device = await within(30000, connect(port, { baud: 460800 }), 'connect');
      longTasks.length = 0; // loading and compiling the esptool module is not the port's doing
      const t0 = performance.now();
      const before = await port.stats();
      await within(30000, device.writeFlash([{ offset: 0x10000, data }], { compress: false }), 'writeFlash');
      out.ms = performance.now() - t0;
      out.bytes = (await port.stats()).hostBytes - before.hostBytes;
      out.hook = equal(await port.readFlash(0x10000, data.length), data);
      await device.close();
    } catch (e) {
      out.error = String(e?.stack ?? e);
    } finally {
      observer.disconnect();
      await port.forget();
    }
    out.longest = Math.max(0, ...longTasks);
    return out;
  });
  assert.equal(r.error, undefined, r.error);
  assert.ok(r.hook);
  // The write's bytes at 460800 baud (10 bits each) take at least this long on a real line.
  const wireMs = (r.bytes * 10 * 1000) / 460800;
  assert.ok(r.ms >= wireMs, `${r.ms} ms for ${r.bytes} bytes (wire: ${wireMs} ms)`);
  // A timing figure, not a test: the 50 ms target is checked by npm run bench (page-flash.mjs).
  t.diagnostic(`longest main-thread task during the write: ${r.longest.toFixed(0)} ms`);
});
