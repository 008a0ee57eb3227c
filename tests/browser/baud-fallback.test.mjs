// Baud fallback in Chromium against the virtual ESP32 on a line that carries at most 460800
// baud: the first command at 2000000 steps down (1500000, 921600, 460800) through reconnects,
// the log says each step, the working rate is remembered for the port (also in a new session),
// and later commands use it at once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startServer } from './support.mjs';

let server;
let session;

before(async () => {
  server = await startServer();
  session = await openPage(server.url);
});

after(async () => {
  await session?.browser.close();
  await server?.stop();
});

const logText = () => session.page.textContent('#dev-log');

async function connect() {
  const { page } = session;
  await page.$eval('#dev-settings', (d) => (d.open = true));
  await page.$eval('#dev-advanced', (d) => (d.open = true));
  await page.selectOption('#dev-virtual-chip', 'esp32');
  await page.selectOption('#dev-baud', '2000000');
  await page.setChecked('#dev-virtual-fast', true);
  await page.selectOption('#dev-virtual-max-baud', '460800');
  await page.click('#dev-virtual');
  await page.waitForSelector('#dev-chip .chip-name', { timeout: 120000 });
  await page.waitForSelector('body[data-device=ready]', { timeout: 30000 });
}

test('a rate the line refuses steps down to one that works, and is remembered', async () => {
  const { page } = session;
  await connect();
  const log = await logText();
  assert.match(log, /The link failed at 2000000 baud \(.+\); reconnecting at 1500000 baud\./);
  assert.match(log, /The link failed at 1500000 baud \(.+\); reconnecting at 921600 baud\./);
  assert.match(log, /The link failed at 921600 baud \(.+\); reconnecting at 460800 baud\./);
  assert.doesNotMatch(log, /failed at 460800/);
  assert.match(log, /460800 baud is now the fastest rate used on Virtual esp32/);
  assert.match(await page.textContent('#dev-chip'), /ESP32/);
  const stored = await page.evaluate(() => localStorage.getItem('esptool-wasm.baud:Virtual esp32 (4MB)'));
  assert.equal(stored, '460800');

  // The next command goes straight to the working rate.
  await page.click('#dev-log-clear');
  await page.fill('#dev-read-offset', '0x0');
  await page.fill('#dev-read-size', '0x1000');
  await page.click('#dev-read');
  await page.locator('#dev-read-result a.download').waitFor({ timeout: 30000 });
  const second = await logText();
  assert.doesNotMatch(second, /The link failed/);
  assert.match(second, /Changing baud rate to 460800/);
});

test('a new connection to the same port starts at the remembered rate', async () => {
  const { page } = session;
  await page.click('#dev-disconnect');
  await page.click('#dev-log-clear');
  await connect();
  const log = await logText();
  assert.match(log, /Using at most 460800 baud on Virtual esp32 \(4MB\)/);
  assert.doesNotMatch(log, /The link failed/);
  await page.evaluate(() => localStorage.clear());
  await page.selectOption('#dev-virtual-max-baud', '0');
  await page.selectOption('#dev-baud', '921600');
});
