// allow-local-files: the user picks their own ESP-IDF flasher_args.json with the .bin files it
// names instead of the manifest's firmware; the virtual ESP32 then holds them byte for byte.
// A flasher_args.json without its files is one sentence, nothing written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './support.mjs';
import { buildExampleFirmware, firmware, launch, openExample, readFlash } from './install-support.mjs';

let server;
let browser;

before(async () => {
  buildExampleFirmware();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const flasherArgs = Buffer.from(
  JSON.stringify({
    flash_settings: { flash_mode: 'dio', flash_size: '4MB', flash_freq: '40m' },
    flash_files: { '0x1000': 'bootloader/bootloader.bin', '0x8000': 'partition_table/partitions.bin', '0x10000': 'app.bin' },
    extra_esptool_args: { chip: 'esp32' },
  }),
);
const file = (name, buffer) => ({ name, mimeType: 'application/octet-stream', buffer });

async function open() {
  const s = await openExample(browser, `${server.origin}/examples/index.html`);
  await s.page.evaluate(() => {
    const b = document.querySelector('#install');
    b.setAttribute('allow-local-files', '');
    b.setAttribute('virtual-device', 'esp32');
  });
  await s.page.locator('#install').getByRole('button').click();
  await s.page.locator('#install #ewt-files').waitFor({ timeout: 10000 });
  return s;
}

test('a picked flasher_args.json and its files are installed and read back byte for byte', { timeout: 90000 }, async () => {
  const { context, page, problems } = await open();
  await page.locator('#install #ewt-files').setInputFiles([
    file('flasher_args.json', flasherArgs),
    file('bootloader.bin', firmware('esp32/bootloader.bin')),
    file('partitions.bin', firmware('esp32/partitions.bin')),
    file('app.bin', firmware('esp32/app.bin')),
  ]);
  await page.locator('#install .actions button.primary:has-text("Install")').click({ timeout: 30000 });
  await page.locator('#install .done, #install .error').first().waitFor({ timeout: 60000 });
  assert.equal(await page.locator('#install .error').count(), 0, await page.locator('#install .body').textContent());
  for (const [path, offset] of [['esp32/bootloader.bin', 0x1000], ['esp32/partitions.bin', 0x8000], ['esp32/app.bin', 0x10000]]) {
    assert.ok((await readFlash(page, '#install', offset, firmware(path).length)).equals(firmware(path)), path);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a flasher_args.json without the files it names is refused in one sentence', { timeout: 60000 }, async () => {
  const { context, page } = await open();
  await page.locator('#install #ewt-files').setInputFiles([file('flasher_args.json', flasherArgs), file('app.bin', firmware('esp32/app.bin'))]);
  await page.getByText('names bootloader/bootloader.bin: pick that file too.').waitFor({ timeout: 10000 });
  assert.equal(await page.evaluate(() => Boolean(document.querySelector('#install').virtualPort)), false, 'no board was touched');
  await context.close();
});
