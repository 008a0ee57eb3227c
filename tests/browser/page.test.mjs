// The static page in a real browser: image_info's segment table and verdicts, elf2image and
// merge_bin downloads (bytes equal to the CLI's), the flash map's gaps and overlaps, and no
// request leaving the page's own origin. Inputs come from make_fixtures.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { download, dropFiles, esptoolCli, makeFixtures, openPage, originOf, sha256, startServer } from './support.mjs';

let fx;
let server;
let session;

before(async () => {
  fx = makeFixtures();
  server = await startServer();
  session = await openPage(server.url);
});

after(async () => {
  await session?.browser.close();
  await server?.stop();
  fx?.cleanup();
});

// "      1  0x00b64  0x40078400  0x00000360  CACHE_APP" rows of `image_info --version 2`.
function cliSegmentRows(file) {
  const text = esptoolCli(['image_info', '--version', '2', file], fx.dir);
  return text
    .split('\n')
    .map((line) => line.match(/^\s+(\d+)\s+(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s*(.*)$/))
    .filter(Boolean)
    .map(([, index, length, load, offs, names]) => ({
      index: Number(index),
      load: Number(load),
      length: Number(length),
      fileOffset: Number(offs),
      memory: names.trim(),
    }));
}

async function pageSegmentRows(page) {
  const rows = await page.$$eval('#segment-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
  return rows.map(([index, load, length, offs, memory]) => ({
    index: Number(index),
    load: Number(load),
    length: Number(length),
    fileOffset: Number(offs),
    memory,
  }));
}

async function selectTab(page, name) {
  await page.getByRole('tab', { name }).click();
}

test('every control has a label and the tabs follow the keyboard', async () => {
  const { page } = session;
  const unlabelled = await page.$$eval('input, select, button', (els) =>
    els.filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim())).map((el) => el.id || el.outerHTML));
  assert.deepEqual(unlabelled, []);
  await page.focus('#tab-info');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-elf', 'aria-selected'), 'true');
  assert.ok(await page.isVisible('#panel-elf'));
  assert.ok(await page.isHidden('#panel-info'));
  await page.keyboard.press('End');
  assert.ok(await page.isVisible('#panel-merge'));
  await page.keyboard.press('Home');
  assert.ok(await page.isVisible('#panel-device'), 'the Device tab comes first');
  assert.ok(await page.isHidden('#panel-merge'));
});

describe('image info', () => {
  test('a dropped bootloader image shows its segment table and valid checksum and SHA-256', async () => {
    const { page } = session;
    await selectTab(page, 'Image info');
    await dropFiles(page, '[data-drop=info]', [{ name: 'boot_esp32.bin', bytes: fx.bytes('boot_esp32.bin') }]);
    await page.waitForSelector('#segment-table');
    assert.deepEqual(await pageSegmentRows(page), cliSegmentRows('boot_esp32.bin'));
    assert.equal((await pageSegmentRows(page)).length, 3);
    assert.equal(await page.getAttribute('[data-verdict=checksum]', 'class'), 'verdict valid');
    assert.equal(await page.getAttribute('[data-verdict=sha-256]', 'class'), 'verdict valid');
    assert.match(await page.textContent('#info-result'), /v5\.2\.1/); // bootloader description
  });

  test('a chosen corrupt image shows both verdicts as invalid', async () => {
    const { page } = session;
    await page.setInputFiles('#info-file', fx.path('boot_esp32_corrupt.bin'));
    await page.waitForSelector('#info-result h2:text("boot_esp32_corrupt.bin")');
    assert.equal(await page.getAttribute('[data-verdict=checksum]', 'class'), 'verdict invalid');
    assert.equal(await page.getAttribute('[data-verdict=sha-256]', 'class'), 'verdict invalid');
  });

  test('a file that is not an image shows the core error as one line', async () => {
    const { page } = session;
    await page.setInputFiles('#info-file', fx.path('not_an_image.bin'));
    const box = page.locator('#info-result .error-box');
    await box.waitFor();
    assert.match(await box.locator('.message').textContent(), /^[^\n]+$/);
  });
});

describe('elf2image', () => {
  test('converting an ELF downloads the same bytes the CLI writes', async () => {
    const { page } = session;
    await selectTab(page, 'ELF → image');
    await page.selectOption('#elf-chip', 'esp32');
    await page.setInputFiles('#elf-file', fx.path('esp32_app.elf'));
    const link = page.locator('#elf-result a.download').first();
    await link.waitFor();
    const got = await download(page, link);
    esptoolCli(['--chip', 'esp32', 'elf2image', '-o', 'cli_app.bin', 'esp32_app.elf'], fx.dir);
    const want = readFileSync(join(fx.dir, 'cli_app.bin'));
    assert.equal(sha256(got.bytes), sha256(want));
    assert.match(got.name, /\.bin$/);
  });
});

describe('merge', () => {
  async function setOffsets(page, offsets) {
    for (const [name, offset] of Object.entries(offsets)) {
      await page.fill(`#merge-table tr[data-name="${name}"] input`, offset);
    }
  }

  test('two files merge into the CLI bytes and the flash map shows the gap between them', async () => {
    const { page } = session;
    await selectTab(page, 'Merge binaries');
    await page.selectOption('#merge-chip', 'esp32');
    await page.setInputFiles('#merge-files', [fx.path('boot_esp32.bin'), fx.path('partitions.bin')]);
    await setOffsets(page, { 'boot_esp32.bin': '0x1000', 'partitions.bin': '0x8000' });
    const gaps = await page.$$eval('#flash-map g.gap', (gs) => gs.map((g) => [g.dataset.start, g.dataset.end]));
    // 0x0..0x1000 before the bootloader, and from its end to the partition table.
    assert.equal(gaps.length, 2);
    assert.deepEqual(gaps[1][1], '0x00008000');
    assert.equal(await page.locator('#flash-map g.overlap').count(), 0);

    await page.click('#merge-run');
    const link = page.locator('#merge-result a.download').first();
    await link.waitFor();
    const got = await download(page, link);
    esptoolCli(['--chip', 'esp32', 'merge_bin', '-o', 'cli_merged.bin', '0x1000', 'boot_esp32.bin', '0x8000', 'partitions.bin'], fx.dir);
    assert.equal(sha256(got.bytes), sha256(readFileSync(join(fx.dir, 'cli_merged.bin'))));
  });

  test('overlapping files are drawn red and merging them shows the core error', async () => {
    const { page } = session;
    await setOffsets(page, { 'partitions.bin': '0x2000' }); // inside the 9968-byte bootloader
    assert.ok((await page.locator('#flash-map g.overlap').count()) > 0);
    await page.click('#merge-run');
    const box = page.locator('#merge-result .error-box');
    await box.waitFor();
    assert.match(await box.textContent(), /overlap/i);
    assert.equal(await page.locator('#merge-result a.download').count(), 0);
  });
});

describe('ESP-IDF build args', () => {
  test('a dropped flasher_args.json sets chip, flash settings and offsets, and its files merge like the CLI', async () => {
    const { page } = session;
    await page.reload();
    await page.waitForSelector('body[data-ready=true]', { state: 'attached' });
    await selectTab(page, 'Merge binaries');
    const json = JSON.stringify({
      // Not what boot_esp32.bin's header says (DIO, 2MB, 40m), so the merge must patch it.
      write_flash_args: ['--flash_mode', 'qio', '--flash_size', '4MB', '--flash_freq', '80m'],
      flash_settings: { flash_mode: 'qio', flash_size: '4MB', flash_freq: '80m' },
      flash_files: { '0x8000': 'partition_table/partitions.bin', '0x1000': 'bootloader/boot_esp32.bin' },
      extra_esptool_args: { after: 'hard_reset', before: 'default_reset', stub: true, chip: 'esp32' },
    });
    await dropFiles(page, '[data-drop=merge]', [{ name: 'flasher_args.json', bytes: Buffer.from(json) }]);
    await page.waitForSelector('#merge-table tr[data-name="partitions.bin"]');
    assert.equal(await page.inputValue('#merge-chip'), 'esp32');
    assert.equal(await page.inputValue('#merge-flash-mode'), 'qio');
    assert.equal(await page.inputValue('#merge-flash-size'), '4MB');
    assert.equal(await page.inputValue('#merge-flash-freq'), '80m');
    assert.ok(await page.isDisabled('#merge-run'), 'cannot merge while files are missing');

    await page.setInputFiles('#merge-files', [fx.path('boot_esp32.bin'), fx.path('partitions.bin')]);
    assert.equal(await page.inputValue('#merge-table tr[data-name="boot_esp32.bin"] input'), '0x1000');
    await page.click('#merge-run');
    const link = page.locator('#merge-result a.download').first();
    await link.waitFor();
    const got = await download(page, link);
    esptoolCli(['--chip', 'esp32', 'merge_bin', '-o', 'cli_idf.bin', '--flash_mode', 'qio', '--flash_freq', '80m',
      '--flash_size', '4MB', '0x1000', 'boot_esp32.bin', '0x8000', 'partitions.bin'], fx.dir);
    assert.equal(sha256(got.bytes), sha256(readFileSync(join(fx.dir, 'cli_idf.bin'))));
    assert.notEqual(sha256(got.bytes), sha256(readFileSync(join(fx.dir, 'cli_merged.bin'))), 'header was patched');
  });
});

test('the page made no request outside its own origin', () => {
  const foreign = session.requests.filter((url) => originOf(url) !== server.origin);
  assert.deepEqual(foreign, []);
  assert.ok(session.requests.some((url) => url.endsWith('.wasm')), 'the wasm module was fetched');
  assert.deepEqual(session.problems, []);
});
