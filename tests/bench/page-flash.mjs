// The page in headless Chromium: time from navigation to an interactive Connect button, then a
// 4 MiB firmware-like write to the virtual ESP32 (hw-sim in a Worker, paced at 921600 baud)
// through the page's own buttons and JS driver: whole-command time against the wire limit
// (bytes the page sent x 10 / baud), and the longest main-thread task during the write
// (PerformanceObserver 'longtask'; the target is none over 50 ms). Skip-unchanged is off (the
// chip is blank); verify stays on, as a user would flash.
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

async function once(app, inputDir) {
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
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
        type: 'longtask',
      });
    });
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
      longTasksOver50: longTasks.filter((d) => d > 50).length,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Runs `reps` fresh page sessions; resolves to their results (or {ok: false, error}). */
export async function pageFlash({ app, inputDir, reps = 1 }) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    runs.push(await once(app, inputDir).catch((error) => ({ ok: false, error: error.message })));
  }
  return runs;
}
