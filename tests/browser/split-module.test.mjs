// The device module's two halves in the page (web/tools/split-device-wasm.mjs): flashing the
// virtual ESP32 fetches only esptool-device.wasm; the first command outside the profiled flows
// (Read flash, run by the engine's Worker) fetches esptool-device.deferred.wasm once, and works;
// a layout error, reported by the page's own thread, works whichever half holds its code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connectVirtual, download, dropFiles, openPage, startServer } from './support.mjs';

let server;
let session;

before(async () => {
  server = await startServer();
  session = await openPage(server.url, { contextOptions: { serviceWorkers: 'block' } });
});

after(async () => {
  await session?.browser.close();
  await server?.stop();
});

const fetchesOf = (name) => session.requests.filter((url) => new URL(url).pathname.endsWith(`/dist/${name}`));

function pattern(n) {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + (i >> 8)) & 0xff;
  return out;
}

test('a flash loads only the primary half; a read loads the deferred half once and reads back', async () => {
  const { page } = session;
  await connectVirtual(page);
  const data = pattern(0x6000);
  await dropFiles(page, '[data-drop=device]', [{ name: 'part.bin', bytes: data }]);
  await page.fill('#dev-table tr[data-name="part.bin"] input', '0x100000');
  await page.waitForSelector('#dev-flash:not([disabled])');
  await page.click('#dev-flash');
  await page.waitForSelector('#dev-progress[data-state=ok], #dev-progress[data-state=failed]', { timeout: 60000 });
  assert.equal(await page.getAttribute('#dev-progress', 'data-state'), 'ok', await page.textContent('#dev-progress'));
  assert.equal(fetchesOf('esptool-device.wasm').length, 1);
  assert.deepEqual(fetchesOf('esptool-device.deferred.wasm'), [], 'the flash ran only profiled code');

  await page.fill('#dev-read-offset', '0x100000');
  await page.fill('#dev-read-size', String(data.length));
  await page.click('#dev-read');
  const link = page.locator('#dev-read-result a.download');
  await link.waitFor({ timeout: 30000 });
  assert.ok((await download(page, link)).bytes.equals(data), 'the read gives back what was flashed');
  assert.equal(fetchesOf('esptool-device.deferred.wasm').length, 1);
});

test("a refused layout is reported from the page's thread", async () => {
  const { page } = session;
  await dropFiles(page, '[data-drop=device]', [{ name: 'big.bin', bytes: pattern(0x2000) }]);
  await page.fill('#dev-table tr[data-name="big.bin"] input', '0x101000');
  await page.click('#dev-flash').catch(() => {}); // disabled or refused: either way it says why
  await page.waitForFunction(() => /overlap/i.test(document.body.textContent), null, { timeout: 10000 });
});
