// The page in headless Chromium: time from navigation to an interactive Connect button, then a
// 4 MiB firmware-like write to the virtual ESP32 (hw-sim in a Worker, paced at 921600 baud)
// through the page's own buttons and JS driver: whole-command time against the wire limit
// (bytes the page sent x 10 / baud), and the longest main-thread task during the write
// (PerformanceObserver 'longtask'; the target is none over 50 ms). Skip-unchanged is off (the
// chip is blank); verify stays on, as a user would flash. Then, on the same page: the longest
// task during a 4 MiB Read flash, Cancel's reaction (click to the 'cancelled' state, in-page
// clock; target within 100 ms) during a second write, and the longest task during each offline
// tool on large inputs (elf2image of the ~4 MB ELF, image_info and merge_bin of its image). These
// targets are timing figures, so they live here and not in the browser tests.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropFiles, openPage, startServer } from '../browser/support.mjs';

const kBaud = 921600;
const kSize = 4 * 1024 * 1024;
const kOffset = 0x10000;

/** `app`: a firmware image (bytes); it is repeated up to 4 MiB so the data stays firmware-like. */
function firmware4MiB(app) {
  const out = Buffer.alloc(kSize);
  for (let at = 0; at < kSize; at += app.length) app.copy(out, at, 0, Math.min(app.length, kSize - at));
  return out;
}

export const kLongTaskTargetMs = 50;
export const kCancelTargetMs = 100;

// Starts counting the page's long tasks afresh; `longTasks(page)` reads them.
const observeLongTasks = (page) =>
  page.evaluate(() => {
    window.__longTasks = [];
    window.__longTaskObserver?.disconnect();
    window.__longTaskObserver = new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)));
    window.__longTaskObserver.observe({ type: 'longtask' });
  });
async function longestTask(page) {
  // A task still running when the result showed is reported once it ends.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  const tasks = await page.evaluate(() => window.__longTasks);
  return tasks.length ? Math.max(...tasks) : 0;
}

async function readLongestTask(page) {
  await page.fill('#dev-read-offset', `0x${kOffset.toString(16)}`);
  await page.fill('#dev-read-size', String(kSize));
  await observeLongTasks(page);
  await page.click('#dev-read');
  await page.locator('#dev-read-result a.download').waitFor({ timeout: 300000 });
  return longestTask(page);
}

async function cancelReactionMs(page) {
  await page.setChecked('#dev-erase-all', true); // a fresh write: nothing is skipped
  await page.click('#dev-flash');
  await page.waitForFunction(() => /Writing at 0x000[4-9a-f]/.test(document.getElementById('dev-log').textContent), null, { timeout: 120000 });
  const reaction = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const box = document.getElementById('dev-progress');
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (box.dataset.state !== 'cancelled') return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(box, { attributes: true, attributeFilter: ['data-state'] });
        setTimeout(() => reject(new Error(`not cancelled after 5 s (state ${box.dataset.state})`)), 5000);
        document.getElementById('dev-cancel').click();
      }),
  );
  await page.setChecked('#dev-erase-all', false);
  return reaction;
}

// The offline tools' longest main-thread task on large inputs, each clicked through the page.
async function toolsLongestTasks(page, inputs) {
  const out = {};
  await page.getByRole('tab', { name: 'ELF → image' }).click();
  await page.selectOption('#elf-chip', 'esp32');
  await observeLongTasks(page);
  await page.setInputFiles('#elf-file', inputs.elf);
  await page.locator('#elf-result a.download').first().waitFor({ timeout: 60000 });
  out.elf2image = await longestTask(page);

  await page.getByRole('tab', { name: 'Image info' }).click();
  await observeLongTasks(page);
  await page.setInputFiles('#info-file', inputs.app);
  await page.waitForSelector('#info-result [data-verdict=sha-256]', { timeout: 60000 });
  out.image_info = await longestTask(page);

  await page.getByRole('tab', { name: 'Merge' }).click();
  await page.selectOption('#merge-chip', 'esp32');
  await page.setInputFiles('#merge-files', [inputs.bootloader, inputs.partitions, inputs.app]);
  const names = [inputs.bootloader, inputs.partitions, inputs.app].map((f) => f.split('/').pop());
  for (const [name, offset] of [[names[0], '0x1000'], [names[1], '0x8000'], [names[2], '0x10000']]) {
    await page.fill(`#merge-table tr[data-name="${name}"] input`, offset);
  }
  await observeLongTasks(page);
  await page.click('#merge-run');
  await page.locator('#merge-result a.download').first().waitFor({ timeout: 60000 });
  out.merge_bin = await longestTask(page);
  return out;
}

async function once(app, inputDir, inputs) {
  const server = await startServer();
  const t0 = performance.now();
  const session = await openPage(server.url);
  const { page, browser } = session;
  try {
    const nodeReadyMs = performance.now() - t0;
    // In-page clock: navigation start is 0, so this is navigation to an enabled Connect button
    // (the page enables it once the esptool module is loaded and its handlers are wired).
    const connectReadyMs = await page.evaluate(async () => {
      const button = document.getElementById('dev-connect');
      while (button.disabled) await new Promise((r) => setTimeout(r, 5));
      return performance.now();
    });
    await page.$eval('#dev-settings', (d) => (d.open = true));
    await page.selectOption('#dev-virtual-size', '8MB');
    await page.selectOption('#dev-baud', String(kBaud));
    await page.setChecked('#dev-virtual-fast', false);
    await page.setChecked('#dev-skip', false);
    await page.click('#dev-virtual');
    await page.waitForSelector('body[data-device=ready]', { timeout: 60000 });

    const data = firmware4MiB(app);
    writeFileSync(join(inputDir, 'firmware_4MiB.bin'), data);
    await dropFiles(page, '[data-drop=device]', [{ name: 'firmware_4MiB.bin', bytes: data }]);
    await page.fill('#dev-table tr[data-name="firmware_4MiB.bin"] input', `0x${kOffset.toString(16)}`);
    await page.waitForSelector('#dev-flash:not([disabled])');
    const sentBefore = (await page.evaluate(() => globalThis.esptoolVirtualPort.stats())).hostBytes;
    await observeLongTasks(page);
    const started = performance.now();
    await page.click('#dev-flash');
    await page.waitForSelector('#dev-progress[data-state=ok], #dev-progress[data-state=failed]', { timeout: 300000 });
    const flashMs = performance.now() - started;
    const state = await page.getAttribute('#dev-progress', 'data-state');
    if (state !== 'ok') throw new Error(`the page's write failed: ${await page.textContent('#dev-progress')}`);
    const sentBytes = (await page.evaluate(() => globalThis.esptoolVirtualPort.stats())).hostBytes - sentBefore;
    const inFlash = await page.evaluate(async ([o, n]) => {
      const bytes = await globalThis.esptoolVirtualPort.readFlash(o, n);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    }, [kOffset, kSize]);
    if (inFlash !== createHash('sha256').update(data).digest('hex')) {
      throw new Error('the virtual flash does not hold the 4 MiB written');
    }
    const longTasks = await page.evaluate(() => window.__longTasks);
    const readLongestMs = await readLongestTask(page);
    const cancelMs = await cancelReactionMs(page);
    const tools = inputs ? await toolsLongestTasks(page, inputs) : {};
    const wireMs = (sentBytes * 10 * 1000) / kBaud;
    return {
      ok: true,
      nodeReadyMs,
      connectReadyMs,
      flashMs,
      sentBytes,
      wireMs,
      ratio: flashMs / wireMs,
      longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      longTasksOver50: longTasks.filter((d) => d > kLongTaskTargetMs).length,
      readLongestMs,
      cancelMs,
      toolsLongestMs: tools,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Runs `reps` fresh page sessions; resolves to their results (or {ok: false, error}). */
export async function pageFlash({ app, inputDir, inputs, reps = 1 }) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    runs.push(await once(app, inputDir, inputs).catch((error) => ({ ok: false, error: error.message })));
  }
  return runs;
}

/** The responsiveness targets a run missed, one line each (none: all met). */
export function responsivenessMisses(run) {
  const misses = [];
  const over = (what, value, limit) => value > limit && misses.push(`${what}: ${value.toFixed(0)} ms (target ${limit} ms)`);
  over('longest main-thread task during the 4 MiB write', run.longestTaskMs, kLongTaskTargetMs);
  over('longest main-thread task during the 4 MiB read', run.readLongestMs, kLongTaskTargetMs);
  over('Cancel reaction', run.cancelMs, kCancelTargetMs);
  for (const [tool, value] of Object.entries(run.toolsLongestMs ?? {})) over(`longest main-thread task during ${tool}`, value, kLongTaskTargetMs);
  return misses;
}
