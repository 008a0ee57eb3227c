// Connect diagnosis in Chromium against the virtual device: each failed connect is esptool's
// message plus one sentence, from what the port said, saying what to do: a silent port (every
// byte lost), a board whose reset circuit cannot pull IO0 (the boot log shows SPI boot, decoded
// from core's strapping table: ESP32 boot:0x13, ESP32-C3 boot:0xc), and a line that carries only
// noise at 115200, and a chip in Secure Download Mode (its ROM refuses the register reads the
// chip card needs: esptool's message plus what the mode still allows). (A port held by another
// program: device.test.mjs, port_busy.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, root, startServer } from './support.mjs';

const shots = join(root, 'build/screenshots');
let server;
let session;

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  session = await openPage(server.url);
});

after(async () => {
  await session?.browser.close();
  await server?.stop();
});

// Connects the virtual device with the given test hooks and resolves to the error box's text.
async function failedConnect({ chip = 'esp32', faults = '', maxBaud = '0', noWiring = false, sdm = false }) {
  const { page } = session;
  await page.$eval('#dev-settings', (d) => (d.open = true));
  await page.$eval('#dev-advanced', (d) => (d.open = true));
  await page.selectOption('#dev-virtual-chip', chip);
  await page.setChecked('#dev-virtual-fast', true);
  await page.fill('#dev-faults', faults);
  await page.selectOption('#dev-virtual-max-baud', maxBaud);
  await page.setChecked('#dev-virtual-no-io0', noWiring);
  await page.setChecked('#dev-virtual-sdm', sdm);
  if (await page.isEnabled('#dev-disconnect')) await page.click('#dev-disconnect');
  await page.click('#dev-virtual');
  const box = page.locator('#dev-error .error-box');
  await box.waitFor({ timeout: 60000 });
  return { name: await box.getAttribute('data-error-name'), message: await box.locator('.message').textContent(), hint: await box.locator('.hint').textContent() };
}

test('a silent port: wrong port, a charge-only cable or no power', async () => {
  const error = await failedConnect({ faults: 'drop=1' });
  assert.equal(error.name, 'no_sync');
  assert.match(error.message, /Failed to connect to Espressif device: /);
  assert.match(error.hint, /Nothing came from the port: .*right port.*charge-only.*powered/);
});

test('a reset circuit that cannot pull IO0: the boot log says SPI boot, decoded per chip', async () => {
  const esp32 = await failedConnect({ noWiring: true });
  assert.match(esp32.message, /Wrong boot mode detected \(0x13\)! The chip needs to be in download mode\./);
  assert.match(esp32.hint, /^The ESP32 booted from flash \(boot:0x13, SPI_FAST_FLASH_BOOT\), so the reset did not put it in download mode: keep the BOOT button \(GPIO0\) held down while connecting/);
  await session.page.screenshot({ path: join(shots, 'diagnosis-spi-boot.png'), fullPage: false });
  const c3 = await failedConnect({ chip: 'esp32c3', noWiring: true });
  assert.match(c3.message, /Wrong boot mode detected \(0xc\)/);
  assert.match(c3.hint, /^The ESP32-C3 booted from flash \(boot:0xc, SPI_FAST_FLASH_BOOT\).*\(GPIO9\).*GPIO8 high/);
});

test('noise at 115200: a wrong rate or a noisy line', async () => {
  const error = await failedConnect({ maxBaud: '9600' });
  assert.equal(error.name, 'no_sync');
  assert.match(error.hint, /^The port sent unreadable bytes at 115200 baud: a wrong baud rate or a noisy line/);
  const { page } = session;
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(shots, 'diagnosis-360.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  // Leave the hooks as a newcomer finds them.
  await page.fill('#dev-faults', '');
  await page.selectOption('#dev-virtual-max-baud', '0');
});

test('a chip in Secure Download Mode: esptool\'s refusal and what the mode still allows', async () => {
  const error = await failedConnect({ chip: 'esp32s3', sdm: true });
  assert.equal(error.name, 'unsupported_command');
  assert.equal(error.message, 'This command (0xa) is not supported in Secure Download Mode');
  assert.match(error.hint, /^The chip is in Secure Download Mode, set by an eFuse that cannot be undone: .*write_flash.*get_security_info.*refused\.$/);
  const log = await session.page.locator('#dev-log').textContent();
  assert.match(log, /Chip is ESP32-S3 in Secure Download Mode/);
  assert.match(log, /WARNING: Stub loader is not supported in Secure Download Mode, setting --no-stub/);
  await session.page.screenshot({ path: join(shots, 'diagnosis-secure-download.png'), fullPage: false });
  // The same board without the eFuse connects: the mode, not the page, refused.
  const { page } = session;
  await page.setChecked('#dev-virtual-sdm', false);
  await page.click('#dev-virtual');
  await page.locator('#dev-chip .chip-name[data-chip="ESP32-S3"]').waitFor({ timeout: 60000 });
  assert.equal(await page.locator('#dev-error .error-box').count(), 0);
});
