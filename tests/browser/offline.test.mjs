// Offline in Chromium: once the page has loaded, its service worker (web/sw.js) holds every file
// it can need; with the browser context offline, a reload brings the page up again, the offline
// tools work, and the virtual device (its Worker, the hw-sim wasm, a flasher stub) connects. The
// web app manifest makes it installable (name, start_url, icon, standalone display).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtures, openPage, root, startServer } from './support.mjs';

let fx;
let server;
let session;

before(async () => {
  fx = makeFixtures();
  server = await startServer();
  session = await openPage(server.url);
});

after(async () => {
  await session?.browser.close();
  await server?.stop();
  fx?.cleanup();
});

test('the manifest makes the page installable', async () => {
  const { page } = session;
  const href = await page.getAttribute('link[rel=manifest]', 'href');
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href);
  assert.equal(manifest.name, 'esptool-wasm');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.start_url);
  assert.ok(manifest.icons.some((i) => i.sizes === 'any' && i.type === 'image/svg+xml'));
});

test('after one online visit the page, its tools and the virtual device work offline', async () => {
  const { page } = session;
  const context = page.context();
  // The service worker's state ends as 'ready' or 'unavailable: why'; a failure says which.
  await page.waitForSelector('body[data-offline]', { state: 'attached', timeout: 60000 }).catch(() => {});
  assert.equal(await page.getAttribute('body', 'data-offline'), 'ready');
  const list = JSON.parse(readFileSync(join(root, 'web/site/dist/precache.json'), 'utf8'));
  // Everything in the list is cached before going offline (the install step caches it whole).
  await page.waitForFunction(
    async (version) => (await caches.keys()).includes(`esptool-wasm-${version}`),
    list.version,
    { timeout: 30000 },
  );
  const cached = await page.evaluate(async (version) => (await (await caches.open(`esptool-wasm-${version}`)).keys()).length, list.version);
  assert.equal(cached, list.files.length);
  for (const f of ['dist/hw-sim.wasm', 'dist/esptool-device.wasm', 'dist/esptool-device.deferred.wasm', 'dist/esptool-tools.wasm']) assert.ok(list.files.includes(f), f);
  assert.ok(!list.files.includes('dist/esptool-core.wasm'), 'the CLI-only full module is not precached');

  await context.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector('body[data-ready=true]', { state: 'attached', timeout: 20000 });
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    // An offline tool: Image info on the fixture bootloader gives its verdicts.
    await page.click('#tab-info');
    await page.setInputFiles('#info-file', fx.path('boot_esp32.bin'));
    await page.waitForSelector('#info-result [data-verdict=checksum].valid', { timeout: 20000 });
    // The virtual device: Worker, hw-sim wasm and the ESP32 stub all come from the cache.
    await page.click('#tab-device');
    await page.$eval('#dev-settings', (d) => (d.open = true));
    await page.setChecked('#dev-virtual-fast', true);
    await page.click('#dev-virtual');
    await page.waitForSelector('#dev-chip .chip-name', { timeout: 30000 });
    assert.match(await page.textContent('#dev-chip'), /ESP32/);
    assert.match(await page.textContent('#dev-log'), /Stub running|Uploading stub/);
  } finally {
    await context.setOffline(false);
  }
});
