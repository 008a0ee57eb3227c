// The public API in a real browser: Debian's Chromium (playwright-core) imports web/src/index.js
// from the static server, which fetches the wasm module itself (no Node wasmBinary path).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/tools/static-server.js';

let server;
let browser;
let page;
let origin;

before(async () => {
  const started = await startServer({ port: 0 });
  server = started.server;
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage();
  // Any same-origin document will do: the test imports the API into it.
  await page.goto(`${origin}/src/index.js`);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the API loads in Chromium and reports chips and versions', async () => {
  const facts = await page.evaluate(async () => {
    const api = await import('/src/index.js');
    const [v, chips, modes] = await Promise.all([api.version(), api.chips(), api.flashModes()]);
    return { v, keys: chips.map((c) => c.key), esp32: chips.find((c) => c.key === 'esp32'), modes };
  });
  assert.equal(facts.v.esptoolVersion, '4.8.1');
  assert.equal(facts.keys[0], 'esp8266');
  assert.ok(facts.keys.includes('esp32c6'));
  assert.ok(facts.esp32.flashSizes.includes('4MB'));
  assert.deepEqual(facts.modes, ['qio', 'qout', 'dio', 'dout']);
});

test('makeImage and imageInfo round-trip bytes in the browser; errors are EsptoolError', async () => {
  const result = await page.evaluate(async () => {
    const api = await import('/src/index.js');
    // 8 data bytes: the segment length lands where auto-detection reads an ESP32 chip id, and
    // 8 belongs to no chip, so the image is taken as ESP8266 (4 would mean ESP32-S3 beta 2).
    const out = await api.makeImage([{ address: 0x40100000, data: new Uint8Array(8).fill(7) }], {
      output: 'x',
    });
    const info = await api.imageInfo(out.files[0].data);
    let error = null;
    try {
      await api.imageInfo(new Uint8Array([0x12]));
    } catch (e) {
      error = { isEsptoolError: e instanceof api.EsptoolError, name: e.name, message: e.message };
    }
    return { name: out.files[0].name, chip: info.chip, valid: info.checksum.valid, error };
  });
  assert.equal(result.name, 'x0x00000.bin');
  assert.equal(result.chip, 'esp8266');
  assert.equal(result.valid, true);
  assert.deepEqual(result.error, {
    isEsptoolError: true,
    name: 'invalid_image',
    message: 'This is not a valid image (invalid magic number: 0x12)',
  });
});
