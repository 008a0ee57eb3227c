// The page under exactly `script-src 'self' 'wasm-unsafe-eval'` (no 'unsafe-eval'), sent as a
// response header on every file (the page, its modules, the virtual device's Worker), on top of
// the page's own <meta> policy: it flashes the virtual ESP32 and reads the files back, runs an
// offline tool (ELF -> image), and no policy violation is reported. Service workers are blocked
// so every request passes the header route.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { download, dropFiles, esptoolCli, makeFixtures, openPage, root, startServer } from './support.mjs';

const kPolicy = "script-src 'self' 'wasm-unsafe-eval'";
let fx;
let server;
let session;

before(async () => {
  fx = makeFixtures();
  esptoolCli(['--chip', 'esp32', 'elf2image', '-o', 'app_esp32.bin', 'esp32_app.elf'], fx.dir);
  server = await startServer();
  session = await openPage(server.url, {
    contextOptions: { serviceWorkers: 'block' },
    beforeNavigate: async (context) => {
      await context.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': kPolicy } });
      });
      await context.addInitScript(() => {
        globalThis.cspViolations = [];
        addEventListener('securitypolicyviolation', (e) => globalThis.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
    },
  });
});

after(async () => {
  await session?.browser.close();
  await server?.stop();
  fx?.cleanup();
});

test("the page's own policy has no 'unsafe-eval'", () => {
  const html = readFileSync(join(root, 'web/page/index.html'), 'utf8');
  const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  assert.ok(meta, 'the page declares a policy');
  assert.match(meta[1], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(meta[1], /'unsafe-eval'/);
});

test('under the strict policy the virtual ESP32 is flashed and reads back byte for byte', async () => {
  const { page, problems } = session;
  await page.$eval('#dev-settings', (details) => (details.open = true));
  await page.selectOption('#dev-virtual-chip', 'esp32');
  await page.setChecked('#dev-virtual-fast', true);
  await page.getByRole('button', { name: 'Virtual device' }).click();
  await page.waitForSelector('body[data-device=ready]', { timeout: 30000 });

  const files = [
    { name: 'boot_esp32.bin', offset: 0x1000 },
    { name: 'partitions.bin', offset: 0x8000 },
    { name: 'app_esp32.bin', offset: 0x10000 },
  ].map((f) => ({ ...f, bytes: fx.bytes(f.name) }));
  await dropFiles(page, '[data-drop=device]', files);
  for (const f of files) await page.fill(`#dev-table tr[data-name="${f.name}"] input`, `0x${f.offset.toString(16)}`);
  await page.waitForSelector('#dev-flash:not([disabled])', { timeout: 10000 });
  await page.click('#dev-flash');
  await page.waitForSelector('#dev-progress[data-state=ok], #dev-progress[data-state=failed]', { timeout: 60000 });
  assert.equal(await page.getAttribute('#dev-progress', 'data-state'), 'ok', await page.textContent('#dev-progress'));

  for (const f of files) {
    await page.fill('#dev-read-offset', `0x${f.offset.toString(16)}`);
    await page.fill('#dev-read-size', String(f.bytes.length));
    await page.click('#dev-read');
    const link = page.locator('#dev-read-result a.download');
    await link.waitFor({ timeout: 30000 });
    const back = (await download(page, link)).bytes;
    assert.ok(Buffer.compare(back, f.bytes) === 0, `${f.name} reads back as written`);
  }
  assert.deepEqual(await page.evaluate(() => globalThis.cspViolations), []);
  assert.deepEqual(problems, []);
});

test('under the strict policy ELF -> image converts like the CLI', async () => {
  const { page, problems } = session;
  await page.click('#tab-elf');
  await page.selectOption('#elf-chip', 'esp32');
  await page.setInputFiles('#elf-file', fx.path('esp32_app.elf'));
  const link = page.locator('#elf-result a.download').first();
  await link.waitFor({ timeout: 30000 });
  const { bytes } = await download(page, link);
  assert.ok(Buffer.compare(bytes, fx.bytes('app_esp32.bin')) === 0, 'the page makes the bytes the CLI makes');
  assert.deepEqual(await page.evaluate(() => globalThis.cspViolations), []);
  assert.deepEqual(problems, []);
});
