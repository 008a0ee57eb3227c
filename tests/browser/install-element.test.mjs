// The install button (web/element/) on the example vendor pages in Chromium, onto the virtual
// device: ESP32 and ESP32-S3 installs read back byte for byte, the ESP Web Tools tag and slots,
// the state-changed sequence and install() for scripts, the initial script's gzip size, variants, and
// screenshots of the dialog at 1280 and 360 px in build/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { imageInfo } from '../../web/src/index.js';
import { rootFor } from '../../web/tools/static-server.js';
import { root, startServer } from './support.mjs';
import { buildExampleFirmware, firmware, installVirtual, launch, manifest, openExample, readFlash, sequence } from './install-support.mjs';

const shots = join(root, 'build/screenshots');
let server;
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  buildExampleFirmware();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const url = (page) => `${server.origin}/examples/${page}`;

async function assertParts(page, selector, buildIndex, { except = [] } = {}) {
  for (const part of manifest().builds[buildIndex].parts) {
    if (except.includes(part.path)) continue;
    const want = firmware(part.path);
    const got = await readFlash(page, selector, part.offset, want.length);
    assert.ok(got.equals(want), `${part.path} at 0x${part.offset.toString(16)} reads back as written`);
  }
}

describe('install button on the vendor page', { timeout: 180000 }, () => {
  test('the plan before writing: chip, build, flash map; Cancel writes nothing', async () => {
    const { context, page } = await openExample(browser, url('index.html'));
    await page.evaluate(() => document.querySelector('#install').setAttribute('virtual-device', 'esp32'));
    await page.locator('#install').getByRole('button').click();
    await page.locator('#install .actions button.primary:has-text("Install")').waitFor({ timeout: 30000 });
    assert.match(await page.locator('#install .chip').textContent(), /ESP32.*4\sMB flash/);
    assert.equal(await page.locator('#install table.parts tbody tr').count(), 3);
    await page.screenshot({ path: join(shots, 'install-plan-1280.png') });
    await page.locator('#install .actions button:has-text("Cancel")').click();
    await page.locator('#install .error').waitFor({ timeout: 10000 });
    assert.ok((await readFlash(page, '#install', 0, 0x20000)).every((b) => b === 0xff));
    await context.close();
  });

  for (const [chip, index] of [['esp32', 0], ['esp32s3', 1]]) {
    test(`${chip}: installs from the example manifest and reads back byte for byte`, async () => {
      const { context, page, requests, problems } = await openExample(browser, url('index.html'));
      const r = await installVirtual(page, '#install', chip, { erase: true });
      assert.equal(r.outcome, 'done', r.text);
      await assertParts(page, '#install', index);
      assert.deepEqual(
        sequence(r.states),
        ['initializing', 'preparing', 'validating', 'erasing', 'writing', 'verifying', 'writing', 'verifying', 'writing', 'verifying', 'finished'],
      );
      const last = r.states.filter((s) => s.state === 'writing').at(-1).details;
      assert.deepEqual([last.bytesWritten, last.percentage], [last.bytesTotal, 100]);
      if (chip === 'esp32') await page.screenshot({ path: join(shots, 'install-done-1280.png') });
      assert.deepEqual(requests.filter((u) => !u.startsWith(server.origin)), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('the virtual ESP32-S3 with 8 MB: the bootloader header says 8MB, its SHA-256 is valid', async () => {
    const { context, page } = await openExample(browser, url('index.html'));
    const r = await installVirtual(page, '#virtual', 'esp32s3:8MB');
    assert.equal(r.outcome, 'done', r.text);
    await assertParts(page, '#virtual', 1, { except: ['esp32s3/bootloader.bin'] });
    const boot = await readFlash(page, '#virtual', 0, firmware('esp32s3/bootloader.bin').length);
    const info = await imageInfo(boot);
    assert.equal(info.flashSizeName, '8MB');
    assert.equal(info.sha256.valid, true);
    await context.close();
  });

  test('the serial console after an install shows the chip booting; Reset device boots it again', async () => {
    const { context, page } = await openExample(browser, url('index.html'));
    const r = await installVirtual(page, '#install', 'esp32');
    assert.equal(r.outcome, 'done', r.text);
    await page.locator('#install .actions button:has-text("Serial console")').click();
    const consoleText = () => page.locator('#install pre.console').textContent();
    await page.locator('#install .actions button:has-text("Reset device")').click();
    await page.waitForFunction(() => /rst:|ets /.test(document.querySelector('#install').shadowRoot.querySelector('pre.console')?.textContent ?? ''), null, { timeout: 20000 });
    assert.match(await consoleText(), /rst:|ets /);
    await page.keyboard.press('Escape');
    await page.locator('#install dialog').waitFor({ state: 'detached', timeout: 10000 });
    await context.close();
  });

  test('at 360 px the dialog fits: nothing scrolls sideways', async () => {
    const { context, page } = await openExample(browser, url('index.html'), { width: 360, height: 740 });
    await page.evaluate(() => document.querySelector('#install').setAttribute('virtual-device', 'esp32'));
    await page.locator('#install').getByRole('button').click();
    await page.locator('#install .actions button.primary:has-text("Install")').waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(shots, 'install-plan-360.png') });
    const wide = await page.evaluate(() => {
      const d = document.querySelector('#install').shadowRoot.querySelector('dialog');
      return { scroll: d.scrollWidth, client: d.clientWidth, right: d.getBoundingClientRect().right };
    });
    assert.ok(wide.scroll <= wide.client + 1 && wide.right <= 360, JSON.stringify(wide));
    await context.close();
  });

  test('by keyboard alone: Tab to the button, Enter, Enter on Install', async () => {
    const { context, page } = await openExample(browser, url('index.html'));
    await page.evaluate(() => document.querySelector('#install').setAttribute('virtual-device', 'esp32'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#install .actions button.primary:has-text("Install")').waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
    await page.locator('#install .done').waitFor({ timeout: 60000 });
    await context.close();
  });
});

describe('ESP Web Tools drop-in, events and install()', { timeout: 120000 }, () => {
  test('<esp-web-install-button> with its activate slot installs the ESP32-S3 build', async () => {
    const { context, page, problems } = await openExample(browser, url('esp-web-tools.html'));
    assert.equal(await page.locator('esp-web-install-button').getAttribute('install-supported'), '');
    const r = await installVirtual(page, '#install', 'esp32s3', { erase: false });
    assert.equal(r.outcome, 'done', r.text);
    await assertParts(page, '#install', 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the unsupported slot shows where Web Serial is missing', async () => {
    const { context, page } = await openExample(browser, url('esp-web-tools.html'), {
      beforeNavigate: (p) => p.addInitScript(() => delete Navigator.prototype.serial),
    });
    assert.equal(await page.locator('esp-web-install-button').getAttribute('install-unsupported'), '');
    assert.ok(await page.getByText("Ah snap, your browser doesn't work!").isVisible());
    await context.close();
  });

  test('element.install({manifest, erase, confirm: false}) resolves; state-changed in order', async () => {
    const { context, page } = await openExample(browser, url('index.html'));
    const out = await page.evaluate(async () => {
      const b = document.querySelector('#install');
      b.setAttribute('virtual-device', 'esp32');
      const seen = [];
      b.addEventListener('state-changed', (e) => seen.push(e.detail.state));
      const result = await b.install({ manifest: 'firmware/manifest.json', erase: true, confirm: false });
      return { seen, build: result.build.chipFamily, state: b.state.state };
    });
    assert.equal(out.build, 'ESP32');
    assert.equal(out.state, 'finished');
    assert.deepEqual(out.seen.filter((s, i, all) => s !== all[i - 1]), ['initializing', 'preparing', 'validating', 'erasing', 'writing', 'verifying', 'writing', 'verifying', 'writing', 'verifying', 'finished']);
    await context.close();
  });

  test('the initial script: only the bundled entry loads before the click, under 2 KB gzip', async () => {
    const { context, page, requests } = await openExample(browser, url('index.html'));
    const scripts = requests.filter((u) => u.endsWith('.js')).map((u) => new URL(u).pathname);
    assert.deepEqual(scripts, ['/element/install-button.js']);
    const gz = scripts.reduce((n, p) => n + gzipSync(readFileSync(join(rootFor(p), p)), { level: 9 }).length, 0);
    console.log(`initial script: ${gz} bytes gzip (${scripts.join(' + ')})`);
    assert.ok(gz < 2048, `${gz} bytes gzip`);
    await context.close();
  });
});

describe('variants (our manifest extension)', { timeout: 120000 }, () => {
  const variants = (sizes) => ({
    ...manifest(),
    builds: [{ chipFamily: 'ESP32', variants: sizes.map((s) => ({ name: `${s} board`, flashSize: s, parts: [{ path: 'esp32/app.bin', offset: s === '8MB' ? 0x20000 : 0x10000 }] })) }],
  });
  const route = (body) => (p) => p.route(`${server.origin}/examples/firmware/manifest.json`, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) }));

  test('the detected flash size picks the variant', async () => {
    const { context, page } = await openExample(browser, url('index.html'), { beforeNavigate: route(variants(['4MB', '8MB'])) });
    const r = await installVirtual(page, '#install', 'esp32:8MB', { erase: false });
    assert.equal(r.outcome, 'done', r.text);
    assert.ok((await readFlash(page, '#install', 0x20000, firmware('esp32/app.bin').length)).equals(firmware('esp32/app.bin')));
    await context.close();
  });

  test('when no variant matches, the user picks one', async () => {
    const { context, page } = await openExample(browser, url('index.html'), { beforeNavigate: route(variants(['2MB', '8MB'])) });
    await page.evaluate(() => document.querySelector('#install').setAttribute('virtual-device', 'esp32:4MB'));
    await page.locator('#install').getByRole('button').click();
    await page.locator('#install .actions button:has-text("8MB board")').click({ timeout: 30000 });
    await page.locator('#install .actions button.primary:has-text("Install")').click({ timeout: 30000 });
    await page.locator('#install .done').waitFor({ timeout: 60000 });
    assert.ok((await readFlash(page, '#install', 0x20000, firmware('esp32/app.bin').length)).equals(firmware('esp32/app.bin')));
    await context.close();
  });
});
