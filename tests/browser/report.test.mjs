// "Download report" in Chromium against the virtual ESP32: one text file with the versions, the
// browser's user agent, the port's USB ids, the chip's facts, the settings, the log and the
// protocol trace with times; the MAC is masked (vendor half kept) everywhere unless the box to
// include identifiers is ticked, and replies' bytes (eFuse words) are left out of the trace.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { download, openPage, startServer } from './support.mjs';

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

test('the report has what a maintainer asks for, with the MAC masked unless asked for', async () => {
  const { page } = session;
  await page.$eval('#dev-settings', (d) => (d.open = true));
  await page.setChecked('#dev-virtual-fast', true);
  await page.click('#dev-virtual');
  await page.waitForSelector('body[data-device=ready]', { timeout: 30000 });
  const mac = (await page.textContent('#dev-chip dd .mono')).trim();
  assert.match(mac, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
  const userAgent = await page.evaluate(() => navigator.userAgent);

  const redacted = (await download(page, page.locator('#dev-report'))).bytes.toString('utf8');
  assert.match(redacted, /^esptool-wasm report\n/);
  assert.match(redacted, /core: \d+\.\d+\.\d+ \(esptool\.py v?4\.8\.1 compatible\)/);
  assert.ok(redacted.includes(`browser: ${userAgent}`));
  assert.match(redacted, /USB vendor id: 0x10c4\n  USB product id: 0xea60/);
  assert.match(redacted, /## Chip\n(.*\n)*  chip: ESP32/);
  assert.match(redacted, /## Settings\n  baud: 921600\n  before: default_reset/);
  assert.match(redacted, /## Log \(\d+ lines\)\n(.*\n)*Connecting\.\.\./);
  assert.match(redacted, /\+\d+\.\d{3} Write \d+ bytes: c0 00 08/, 'the SYNC in the trace, timed');
  assert.match(redacted, /\+\d+\.\d{3} Read \d+ bytes\n/, 'replies without their bytes');
  assert.match(redacted, /\+\d+\.\d{3} DTR=\d RTS=\d/);
  assert.ok(!redacted.includes(mac), 'the MAC is not in the redacted report');
  assert.ok(redacted.includes(`${mac.slice(0, 8)}:xx:xx:xx`), 'its vendor half is');

  await page.check('#dev-report-ids');
  const full = (await download(page, page.locator('#dev-report'))).bytes.toString('utf8');
  assert.match(full, /Identifiers: included by the reporter/);
  assert.ok(full.includes(`mac: ${mac}`));
  // Some reply frame starts a read chunk (the SYNC reply may share one with the boot log).
  assert.match(full, /\+\d+\.\d{3} Read \d+ bytes: c0 01 [0-9a-f]{2} /, 'replies with their bytes');
  await page.uncheck('#dev-report-ids');
});
