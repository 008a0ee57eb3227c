// The offline tools keep the page responsive on large inputs: elf2image of a ~4 MB app ELF,
// image_info of the 4 MB image it makes (SHA-256 over all of it) and merge_bin of that image with
// a bootloader and partition table, each clicked through the page (the tools run in their Worker,
// tools-worker.js). Each result is checked against the CLI's, so the worker's answers are the
// tools' answers. The main thread's long tasks (PerformanceObserver 'longtask') are reported as
// diagnostics; their target (none over 50 ms) is a timing figure and lives in `npm run bench`
// (tests/bench/page-flash.mjs), which fails above it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { download, esptoolCli, makeFixtures, openPage, root, sha256, startServer } from './support.mjs';

let fx;
let server;
let session;

before(async () => {
  fx = makeFixtures();
  execFileSync(join(root, 'build/native/make_fixtures'), ['--large-app', fx.path('large_app.elf')]);
  esptoolCli(['--chip', 'esp32', 'elf2image', '-o', 'large_app.bin', 'large_app.elf'], fx.dir);
  server = await startServer();
  session = await openPage(server.url);
});

after(async () => {
  await session?.browser.close();
  await server?.stop();
  fx?.cleanup();
});

async function withLongTasks(page, work) {
  await page.evaluate(() => {
    globalThis.longTasks = [];
    globalThis.longTaskObserver?.disconnect();
    globalThis.longTaskObserver = new PerformanceObserver((list) => globalThis.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration))));
    globalThis.longTaskObserver.observe({ type: 'longtask' });
  });
  await work();
  // A task still running when the work's result showed is reported once it ends.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  return page.evaluate(() => globalThis.longTasks);
}

test('elf2image of a 4 MB ELF: the CLI bytes (long tasks reported)', async (t) => {
  const { page } = session;
  await page.getByRole('tab', { name: 'ELF → image' }).click();
  await page.selectOption('#elf-chip', 'esp32');
  let got;
  const tasks = await withLongTasks(page, async () => {
    await page.setInputFiles('#elf-file', fx.path('large_app.elf'));
    const link = page.locator('#elf-result a.download').first();
    await link.waitFor({ timeout: 60000 });
    got = await download(page, link);
  });
  t.diagnostic(`elf2image: long tasks (ms): ${JSON.stringify(tasks)}`);
  assert.equal(sha256(got.bytes), sha256(fx.bytes('large_app.bin')));
});

test('image_info of a 4 MB image: SHA-256 valid (long tasks reported)', async (t) => {
  const { page } = session;
  await page.getByRole('tab', { name: 'Image info' }).click();
  const tasks = await withLongTasks(page, async () => {
    await page.setInputFiles('#info-file', fx.path('large_app.bin'));
    await page.waitForSelector('#info-result h2:text("large_app.bin")', { timeout: 60000 });
  });
  t.diagnostic(`image_info: long tasks (ms): ${JSON.stringify(tasks)}`);
  assert.equal(await page.getAttribute('[data-verdict=sha-256]', 'class'), 'verdict valid');
});

test('merge_bin with a 4 MB app: the CLI bytes (long tasks reported)', async (t) => {
  const { page } = session;
  await page.getByRole('tab', { name: 'Merge' }).click();
  await page.selectOption('#merge-chip', 'esp32');
  await page.setInputFiles('#merge-files', [fx.path('boot_esp32.bin'), fx.path('partitions.bin'), fx.path('large_app.bin')]);
  for (const [name, offset] of [['boot_esp32.bin', '0x1000'], ['partitions.bin', '0x8000'], ['large_app.bin', '0x10000']]) {
    await page.fill(`#merge-table tr[data-name="${name}"] input`, offset);
  }
  let got;
  const tasks = await withLongTasks(page, async () => {
    await page.click('#merge-run');
    const link = page.locator('#merge-result a.download').first();
    await link.waitFor({ timeout: 60000 });
    got = await download(page, link);
  });
  t.diagnostic(`merge_bin: long tasks (ms): ${JSON.stringify(tasks)}`);
  esptoolCli(['--chip', 'esp32', 'merge_bin', '-o', 'cli_merged.bin', '0x1000', 'boot_esp32.bin', '0x8000', 'partitions.bin', '0x10000', 'large_app.bin'], fx.dir);
  assert.equal(sha256(got.bytes), sha256(readFileSync(fx.path('cli_merged.bin'))));
});
