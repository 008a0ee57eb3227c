// Native USB re-acquire in Chromium against the virtual ESP32-S3 on its own USB-JTAG-Serial
// console, whose port dies with every chip reset and comes back as a new port object (as
// Chromium shows a re-enumerated device): Connect finds it again after its reset into the
// loader, Flash after the final hard reset, and the monitor shows the app from the new port; the page
// never opens a chooser (navigator.serial.requestPort is counted).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFiles, esptoolCli, makeFixtures, openPage, startServer } from './support.mjs';

let fx;
let server;
let session;

before(async () => {
  fx = makeFixtures();
  esptoolCli(['--chip', 'esp32s3', 'elf2image', '-o', 'app_esp32s3.bin', 'esp32s3_app.elf'], fx.dir);
  esptoolCli(['--chip', 'esp32s3', 'elf2image', '-o', 'boot_esp32s3.bin', 'esp32_bootloader.elf'], fx.dir);
  server = await startServer();
  session = await openPage(server.url, {
    beforeNavigate: (context) =>
      context.addInitScript(() => {
        globalThis.choosersOpened = 0;
        if (navigator.serial) {
          const original = navigator.serial.requestPort.bind(navigator.serial);
          navigator.serial.requestPort = (...args) => {
            globalThis.choosersOpened += 1;
            return original(...args);
          };
        }
      }),
  });
});

// The page's log, the last lines of it, for a failure's message.
const logText = (page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('#dev-log > *'), (e) => e.textContent).join('\n').slice(-6000));

after(async () => {
  await session?.browser.close();
  await server?.stop();
  fx?.cleanup();
});

test('Connect goes on after the board re-enumerates on its reset into the loader', async () => {
  const { page } = session;
  await page.$eval('#dev-settings', (d) => (d.open = true));
  await page.selectOption('#dev-virtual-chip', 'esp32s3');
  await page.selectOption('#dev-virtual-console', 'usb-jtag-serial');
  await page.setChecked('#dev-virtual-fast', true);
  await page.click('#dev-virtual');
  await page
    .waitForSelector('#dev-chip .chip-name', { timeout: 60000 })
    .catch(async (error) => assert.fail(`${error.message}\n--- log ---\n${await logText(page)}`));
  assert.match(await page.textContent('#dev-chip'), /ESP32-S3/);
  const log = await page.textContent('#dev-log');
  assert.match(log, /Virtual esp32s3 \(4MB\) re-enumerated after a reset; reopened it without asking again\./);
  assert.doesNotMatch(log, /was unplugged/);
  const info = await page.evaluate(() => globalThis.esptoolVirtualPort.getInfo());
  assert.deepEqual(info, { usbVendorId: 0x303a, usbProductId: 0x1001 });
});

test('after Flash and its hard reset the monitor shows the app on the re-found port', async () => {
  const { page } = session;
  await page.evaluate(() => (globalThis.esptoolVirtualPort.marker = 'before-flash'));
  const files = [
    { name: 'boot_esp32s3.bin', offset: 0x0 },
    { name: 'partitions.bin', offset: 0x8000 },
    { name: 'app_esp32s3.bin', offset: 0x10000 },
  ];
  await dropFiles(page, '[data-drop=device]', files.map((f) => ({ name: f.name, bytes: fx.bytes(f.name) })));
  for (const f of files) await page.fill(`#dev-table tr[data-name="${f.name}"] input`, `0x${f.offset.toString(16)}`);
  await page.waitForSelector('#dev-flash:not([disabled])', { timeout: 10000 });
  await page.click('#dev-flash');
  await page.waitForSelector('#dev-progress[data-state=ok], #dev-progress[data-state=failed]', { timeout: 60000 });
  const state = await page.getAttribute('#dev-progress', 'data-state');
  if (state !== 'ok') assert.fail(`${await page.textContent('#dev-progress')}\n--- log ---\n${await logText(page)}`);
  // What the chip printed while it was away from the bus (its boot log) is lost, as on a real
  // USB console; the app's lines after that arrive on the new port.
  await page.waitForFunction(() => /I \(\d+\) app: tick 1\b/.test(document.getElementById('con-out').textContent), null, { timeout: 15000 });
  assert.equal(await page.getAttribute('body', 'data-device'), 'ready');
  assert.equal(await page.getAttribute('body', 'data-monitor'), 'on');
  const marker = await page.evaluate(() => globalThis.esptoolVirtualPort.marker);
  assert.equal(marker, undefined, 'the port object changed with the re-enumeration');
  const mode = await page.evaluate(() => globalThis.esptoolVirtualPort.stats().then((s) => s.mode));
  assert.equal(mode, 'app');
  assert.equal(await page.evaluate(() => globalThis.choosersOpened), 0, 'no port chooser was opened');
});
