// The Device tab in Chromium against the built-in virtual device (hw-sim in a Worker, unpaced
// unless a test needs time to pass): connect and the chip card, flash three files and read them
// back through the page's own Read flash, erase a region, verify, refusals before writing
// (overlap, too large: the simulated flash is checked), an unplug mid-write and a second
// connect, a replug mid-write that resumes, Cancel, and no request leaving the origin. Screenshots go to build/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { download, dropFiles, esptoolCli, makeFixtures, openPage, originOf, root, startServer } from './support.mjs';

const shots = join(root, 'build/screenshots');
let fx;
let server;
let session;

before(async () => {
  mkdirSync(shots, { recursive: true });
  fx = makeFixtures();
  esptoolCli(['--chip', 'esp32', 'elf2image', '-o', 'app_esp32.bin', 'esp32_app.elf'], fx.dir);
  esptoolCli(['--chip', 'esp32s3', 'elf2image', '-o', 'app_esp32s3.bin', 'esp32s3_app.elf'], fx.dir);
  // A bootloader-sized image for the ESP32-S3 (at 0x0) from the generated bootloader ELF.
  esptoolCli(['--chip', 'esp32s3', 'elf2image', '-o', 'boot_esp32s3.bin', 'esp32_bootloader.elf'], fx.dir);
  esptoolCli(['--chip', 'esp8266', 'elf2image', '-o', 'app_esp8266-', 'esp8266_app.elf'], fx.dir);
  server = await startServer();
  session = await openPage(server.url);
});

after(async () => {
  await session?.browser.close();
  await server?.stop();
  fx?.cleanup();
});

const $ = (selector) => session.page.locator(selector);

async function settings({ chip = 'esp32', size = '4MB', fast = true, baud = '921600' } = {}) {
  const { page } = session;
  await page.$eval('#dev-settings', (details) => (details.open = true));
  await page.selectOption('#dev-virtual-chip', chip);
  await page.selectOption('#dev-virtual-size', size);
  await page.selectOption('#dev-baud', baud);
  await page.setChecked('#dev-virtual-fast', fast);
}

async function connectVirtual(options) {
  const { page } = session;
  if (await page.isEnabled('#dev-disconnect')) await page.click('#dev-disconnect');
  await settings(options);
  await page.getByRole('button', { name: 'Virtual device' }).click();
  await page.waitForSelector('#dev-chip .chip-name', { timeout: 30000 });
  await page.waitForSelector('body[data-device=ready]', { timeout: 30000 });
}

async function clearFiles() {
  const { page } = session;
  while ((await page.locator('#dev-table tbody tr').count()) > 0) {
    await page.locator('#dev-table tbody tr button').first().click();
  }
}

async function addFiles(files) {
  await dropFiles(session.page, '[data-drop=device]', files.map((f) => ({ name: f.name, bytes: f.bytes })));
  for (const f of files) {
    await session.page.fill(`#dev-table tr[data-name="${f.name}"] input`, `0x${f.offset.toString(16)}`);
  }
}

// Incompressible bytes, so that a paced write takes its time on the wire.
function noise(n, seed) {
  const out = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

async function flashAndWait() {
  const { page } = session;
  await page.waitForSelector('#dev-flash:not([disabled])', { timeout: 10000 }).catch(async (error) => {
    const why = `${await page.textContent('#dev-flash-why')} ${await page.textContent('#dev-problem')}`;
    throw new Error(`Flash stayed disabled: ${why}`, { cause: error });
  });
  await page.click('#dev-flash');
  await page.waitForSelector('#dev-progress[data-state=ok], #dev-progress[data-state=failed]', { timeout: 60000 });
  assert.equal(await page.getAttribute('#dev-progress', 'data-state'), 'ok', await page.textContent('#dev-progress'));
}

async function readBack(offset, size) {
  const { page } = session;
  await page.fill('#dev-read-offset', `0x${offset.toString(16)}`);
  await page.fill('#dev-read-size', String(size));
  await page.click('#dev-read');
  const link = page.locator('#dev-read-result a.download');
  await link.waitFor({ timeout: 30000 });
  return (await download(page, link)).bytes;
}

const layouts = {
  esp32: [
    { name: 'boot_esp32.bin', offset: 0x1000 },
    { name: 'partitions.bin', offset: 0x8000 },
    { name: 'app_esp32.bin', offset: 0x10000 },
  ],
  esp32s3: [
    { name: 'boot_esp32s3.bin', offset: 0x0 },
    { name: 'partitions.bin', offset: 0x8000 },
    { name: 'app_esp32s3.bin', offset: 0x10000 },
  ],
  esp8266: [
    { name: 'app_esp8266-0x00000.bin', offset: 0x0 },
    { name: 'partitions.bin', offset: 0x8000 },
    { name: 'app_esp8266-0x10000.bin', offset: 0x10000 },
  ],
};

for (const chip of Object.keys(layouts)) {
  test(`${chip}: connect shows the chip card; three files flash and read back byte for byte`, async () => {
    const { page } = session;
    await connectVirtual({ chip });
    const card = await page.textContent('#dev-chip');
    const name = { esp32: 'ESP32', esp32s3: 'ESP32-S3', esp8266: 'ESP8266' }[chip];
    assert.match(card, new RegExp(`Chip${name}Revision`));
    assert.match(card, /MAC[0-9a-f:]{17}/);
    assert.match(card, /Flash size4MB/);
    // The ESP32 and ESP8266 have no GET_SECURITY_INFO: the card says so in words, not as an error code.
    if (chip === 'esp32s3') assert.match(card, /Security\s*Security Information:\s*=+\s*Flags: 0x/);
    else assert.match(card, /Securitynot reported: this chip has no security info command$/);
    await clearFiles();
    const files = layouts[chip].map((f) => ({ name: f.name, offset: f.offset, bytes: fx.bytes(f.name) }));
    await addFiles(files);
    await flashAndWait();
    assert.match(await page.textContent('#dev-progress'), /3 files written and verified/);
    await page.screenshot({ path: join(shots, `device-flashed-${chip}.png`), fullPage: true });
    for (const f of files) {
      const back = await readBack(f.offset, f.bytes.length);
      assert.ok(Buffer.compare(back, f.bytes) === 0, `${f.name} reads back as written`);
    }
  });
}

describe('on a virtual ESP32', () => {
  before(() => connectVirtual({ chip: 'esp32' }));

  test('Verify checks the flash against the files; Erase region (confirmed) leaves 0xFF', async () => {
    const { page } = session;
    await clearFiles();
    const app = fx.bytes('app_esp32.bin');
    await addFiles([{ name: 'app_esp32.bin', offset: 0x20000, bytes: app }]);
    await flashAndWait();
    await page.click('#dev-verify-files');
    await page.waitForSelector('#dev-progress[data-state=ok]', { timeout: 30000 });
    assert.match(await page.textContent('#dev-progress'), /Verify OK/);

    await page.fill('#dev-read-offset', '0x20000');
    await page.fill('#dev-read-size', '0x1000');
    await page.click('#dev-erase-region');
    await page.waitForSelector('#dev-confirm[open]');
    await page.screenshot({ path: join(shots, 'device-confirm-erase.png') });
    await page.click('#dev-confirm-yes');
    await page.waitForSelector('#dev-read-result .ok-line:text("Erased")', { timeout: 30000 });
    const flash = await page.evaluate(() => globalThis.esptoolVirtualPort.readFlash(0x20000, 0x1000));
    assert.ok(Object.values(flash).every((b) => b === 0xff), 'the region is erased on the simulated chip');
    const back = await readBack(0x20000, 0x1000);
    assert.ok(back.every((b) => b === 0xff));
    const rest = await readBack(0x21000, 16);
    assert.ok(Buffer.compare(rest, app.subarray(0x1000, 0x1010)) === 0, 'the next sector is untouched');
  });

  test('overlapping files and a file past the end of flash are refused before anything is written', async () => {
    const { page } = session;
    await clearFiles();
    const blob = Buffer.alloc(0x2000, 0x5a);
    await addFiles([
      { name: 'a.bin', offset: 0x300000, bytes: blob },
      { name: 'b.bin', offset: 0x301000, bytes: blob },
    ]);
    await page.waitForSelector('#dev-problem:not([hidden])');
    assert.match(await page.textContent('#dev-problem'), /Detected overlap at address: 0x301000 for file: b\.bin/);
    assert.ok(await page.isDisabled('#dev-flash'));
    await page.screenshot({ path: join(shots, 'device-overlap-refused.png'), fullPage: true });

    await clearFiles();
    await addFiles([{ name: 'big.bin', offset: 0x3f0000, bytes: Buffer.alloc(0x20000, 0x11) }]);
    await page.waitForSelector('#dev-problem:text("will not fit in 4194304 bytes of flash")');
    assert.ok(await page.isDisabled('#dev-flash'));
    const flash = await page.evaluate(() => globalThis.esptoolVirtualPort.readFlash(0x300000, 0x100000));
    assert.ok(Object.values(flash).every((b) => b === 0xff), 'nothing was written');
  });

  test('an unplug mid-write says the port was lost and what was written; a second connect works', async () => {
    const { page } = session;
    await connectVirtual({ chip: 'esp32', fast: false, baud: '115200' });
    await clearFiles();
    await addFiles([{ name: 'big.bin', offset: 0x100000, bytes: noise(0x40000, 1) }]);
    await page.click('#dev-flash');
    await page.waitForFunction(() => Number(document.querySelector('#dev-progress progress')?.value) > 0.02, null, { timeout: 30000 });
    await page.evaluate(() => globalThis.esptoolVirtualPort.unplug());
    // The page waits its 10 s grace period for the board to be plugged back in, then gives up.
    await page.waitForSelector('#dev-progress[data-state=failed]', { timeout: 30000 });
    const text = await page.textContent('#dev-progress');
    assert.match(text, /Serial port lost: .*did not come back within 10000 ms/);
    assert.match(text, /big\.bin @ 0x00100000: partly written/);
    await page.screenshot({ path: join(shots, 'device-unplugged.png'), fullPage: true });
    assert.equal(await page.getAttribute('body', 'data-device'), 'none');
    await page.$eval('#dev-advanced', (details) => (details.open = true));
    await page.click('#dev-replug');
    await page.waitForSelector('body[data-device=ready]', { timeout: 30000 });
    assert.match(await page.textContent('#dev-status'), /Connected/);
  });

  test('a cable pulled mid-write and plugged back in a second later: the Flash resumes and ends verified', async () => {
    const { page } = session;
    await connectVirtual({ chip: 'esp32', fast: false, baud: '115200' });
    await clearFiles();
    const bytes = noise(0x30000, 3);
    await addFiles([{ name: 'again.bin', offset: 0x180000, bytes }]);
    await page.click('#dev-flash');
    await page.waitForFunction(() => Number(document.querySelector('#dev-progress progress')?.value) > 0.1, null, { timeout: 30000 });
    await page.evaluate(async () => {
      const port = globalThis.esptoolVirtualPort;
      port.addEventListener('disconnect', () => setTimeout(() => port.replug(), 1000), { once: true });
      await port.unplug();
    });
    await page.waitForSelector('#dev-progress[data-state=ok], #dev-progress[data-state=failed]', { timeout: 60000 });
    assert.equal(await page.getAttribute('#dev-progress', 'data-state'), 'ok', await page.textContent('#dev-progress'));
    assert.match(await page.textContent('#dev-log'), /resuming from 0x/);
    const flash = await page.evaluate(() => globalThis.esptoolVirtualPort.readFlash(0x180000, 0x30000));
    assert.ok(Buffer.from(Object.values(flash)).equals(bytes), 'read back byte for byte');
    await page.waitForSelector('body[data-device=ready]');
  });

  test('Cancel stops a write cleanly and says what was not written', async () => {
    const { page } = session;
    await connectVirtual({ chip: 'esp32', fast: false, baud: '115200' });
    await clearFiles();
    await addFiles([
      { name: 'first.bin', offset: 0x100000, bytes: noise(0x30000, 2) },
      { name: 'second.bin', offset: 0x200000, bytes: Buffer.alloc(0x1000, 0x44) },
    ]);
    await page.click('#dev-flash');
    await page.waitForFunction(() => Number(document.querySelector('#dev-progress progress')?.value) > 0.02, null, { timeout: 30000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForSelector('#dev-progress[data-state=cancelled]', { timeout: 10000 });
    const text = await page.textContent('#dev-progress');
    assert.match(text, /Cancelled/);
    assert.match(text, /second\.bin @ 0x00200000: not written/);
    const untouched = await page.evaluate(() => globalThis.esptoolVirtualPort.readFlash(0x200000, 0x1000));
    assert.ok(Object.values(untouched).every((b) => b === 0xff));
    // The page can go on: the device is still connected and idle.
    await page.waitForSelector('body[data-device=ready]');
  });

  test('an ESP-IDF build folder fills the list from flasher_args.json, with its flash settings', async () => {
    const { page } = session;
    await connectVirtual({ chip: 'esp32' });
    await clearFiles();
    const build = join(fx.dir, 'idf-build');
    mkdirSync(join(build, 'bootloader'), { recursive: true });
    mkdirSync(join(build, 'partition_table'), { recursive: true });
    mkdirSync(join(build, 'esp-idf/main'), { recursive: true });
    writeFileSync(join(build, 'bootloader/bootloader.bin'), fx.bytes('boot_esp32.bin'));
    writeFileSync(join(build, 'partition_table/partition-table.bin'), fx.bytes('partitions.bin'));
    writeFileSync(join(build, 'hello.bin'), fx.bytes('app_esp32.bin'));
    writeFileSync(join(build, 'esp-idf/main/main.c.obj'), 'not for flashing');
    writeFileSync(join(build, 'flasher_args.json'), JSON.stringify({
      write_flash_args: ['--flash_mode', 'dio', '--flash_size', '4MB', '--flash_freq', '40m'],
      flash_settings: { flash_mode: 'dio', flash_size: '4MB', flash_freq: '40m' },
      flash_files: { '0x1000': 'bootloader/bootloader.bin', '0x8000': 'partition_table/partition-table.bin', '0x10000': 'hello.bin' },
      extra_esptool_args: { after: 'hard_reset', before: 'default_reset', stub: true, chip: 'esp32' },
    }));
    await page.setInputFiles('#dev-folder', build);
    await page.waitForSelector('#dev-table tr[data-name="hello.bin"]');
    const rows = await page.$$eval('#dev-table tbody tr', (trs) => trs.map((tr) => [tr.querySelector('input').value, tr.dataset.name]));
    assert.deepEqual(rows, [['0x1000', 'bootloader.bin'], ['0x8000', 'partition-table.bin'], ['0x10000', 'hello.bin']]);
    assert.equal(await page.inputValue('#dev-flash-mode'), 'dio');
    assert.match(await page.textContent('#dev-args-note'), /Imported 3 files from the build folder idf-build/);
    await flashAndWait();
    const back = await readBack(0x10000, fx.bytes('app_esp32.bin').length);
    assert.equal(back[2], fx.bytes('app_esp32.bin')[2], 'the flash mode byte as the image has it (dio)');
  });

  test("an image for another chip is refused with the core's sentence, and nothing is written", async () => {
    const { page } = session;
    await connectVirtual({ chip: 'esp32' });
    await clearFiles();
    await addFiles([{ name: 'boot_esp32c3.bin', offset: 0x1000, bytes: fx.bytes('boot_esp32c3.bin') }]);
    await page.click('#dev-flash');
    await page.waitForSelector('#dev-progress[data-state=failed]', { timeout: 30000 });
    assert.match(await page.textContent('#dev-progress .error-box'), /boot_esp32c3\.bin.*ESP32/);
    assert.match(await page.textContent('#dev-progress'), /boot_esp32c3\.bin @ 0x00001000: not written/);
    const flash = await page.evaluate(() => globalThis.esptoolVirtualPort.readFlash(0x1000, 0x1000));
    assert.ok(Object.values(flash).every((b) => b === 0xff));
  });

  test('a merged image goes to the Flash card in one click, at the merge target offset', async () => {
    const { page } = session;
    await clearFiles();
    await page.getByRole('tab', { name: 'Merge binaries' }).click();
    await page.selectOption('#merge-chip', 'esp32');
    await page.setInputFiles('#merge-files', [fx.path('boot_esp32.bin'), fx.path('partitions.bin')]);
    await page.fill('#merge-table tr[data-name="boot_esp32.bin"] input', '0x1000');
    await page.fill('#merge-table tr[data-name="partitions.bin"] input', '0x8000');
    await page.click('#merge-run');
    await page.getByRole('button', { name: 'Send to Flash' }).click();
    assert.ok(await page.isVisible('#panel-device'));
    assert.equal(await page.inputValue('#dev-table tr[data-name="merged.bin"] input'), '0x0');
    await flashAndWait();
  });

  test('the whole flow works by keyboard alone', async () => {
    const { page } = session;
    await page.click('#dev-disconnect');
    await clearFiles();
    await page.focus('#tab-device');
    // Tab from the tabs to "Virtual device" and press Enter, as a keyboard user would.
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'dev-virtual'; i++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dev-virtual');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-device=ready]', { timeout: 30000 });
    // The erase confirmation opens with Cancel focused; Escape closes it and nothing is erased.
    await page.focus('#dev-erase');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#dev-confirm[open]');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dev-confirm-no');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#dev-confirm:not([open])', { state: 'attached' });
    assert.doesNotMatch(await page.textContent('#dev-read-result'), /erased/i);
    assert.doesNotMatch(await page.textContent('#dev-log'), /— Erase flash —/);
  });

  test("the device wasm was fetched once: the engine's Worker runs the page's compiled module", () => {
    // The service worker's precache fetches it too; that is the offline copy, not a load.
    const fetches = session.pageRequests.filter((url) => url.endsWith('/dist/esptool-device.wasm'));
    assert.equal(fetches.length, 1, fetches.join('\n'));
  });

  test('every request stayed on the page origin', () => {
    const foreign = session.requests.filter((url) => originOf(url) !== server.origin);
    assert.deepEqual(foreign, []);
  });

  test('screenshots at desktop width and at 360 px', async () => {
    const { page } = session;
    await page.screenshot({ path: join(shots, 'device-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: join(shots, 'device-360.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => !e.closest('.flash-map, .tabs') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
    );
    assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow} px): ${wide.join(', ')}`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
