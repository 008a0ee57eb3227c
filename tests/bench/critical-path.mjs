// The page's critical path in headless Chromium: gzip -9 bytes of every same-origin file the page
// fetched from navigation until the first byte is flashed onto the virtual chip (page HTML, CSS,
// JS, the device wasm and glue, the stubs), per chip, against a budget (issue 10: 90 KB gzip).
// The virtual device's own files (hw-sim wasm, web/src/virtual/) are counted apart: a real board
// does not load them. Service workers are blocked so the offline precache does not count.
// Also the sizes of each wasm module (raw and gzip -9 of .wasm and its .js glue).
//   node tests/bench/critical-path.mjs
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rootFor } from '../../web/tools/static-server.js';
import { dropFiles, openPage, root, startServer } from '../browser/support.mjs';

/** The budget in bytes (gzip -9) for what loads before the first byte is flashed. */
export const kCriticalPathBudget = 90 * 1000;
const kChips = ['esp32', 'esp32s3', 'esp32c3', 'esp8266'];
// The bundled page's virtual device is page/virtual.js and page/virtual-worker.js (bundle-page.mjs).
const isVirtual = (path) => path.includes('/src/virtual/') || path.includes('/dist/hw-sim.') || /^\/page\/virtual[.-]/.test(path);
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

function kindOf(path) {
  if (isVirtual(path)) return 'virtual';
  if (path.startsWith('/dist/stubs/')) return 'stubs';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.startsWith('/dist/')) return 'glue';
  return 'page';
}

// Chip key -> the stub file core picks for it (core/chips/*.cpp `.stub.file`, esptool-js names).
const stubFor = (chip) => `stub_flasher_${chip.replace(/^esp/, '')}.bin`;

function tally(origin, urls, chip) {
  const byKind = {};
  const files = [];
  const times = {};
  for (const u of urls) times[u] = (times[u] ?? 0) + 1;
  for (const u of new Set(urls)) {
    if (!u.startsWith(origin)) continue;
    const pathname = decodeURIComponent(new URL(u).pathname);
    const path = pathname.endsWith('/') ? `${pathname}index.html` : pathname; // /page/ is the page
    const file = join(rootFor(path), path); // as the dev server answers it: the built site first
    if (!existsSync(file) || statSync(file).isDirectory()) continue;
    const bytes = readFileSync(file);
    const kind = kindOf(path);
    const f = { path, kind, raw: bytes.length, gzip: gzip(bytes), requests: times[u] };
    files.push(f);
    byKind[kind] ??= { files: 0, raw: 0, gzip: 0 };
    byKind[kind].files += 1;
    byKind[kind].raw += f.raw;
    byKind[kind].gzip += f.gzip;
  }
  const counted = files.filter((f) => f.kind !== 'virtual');
  const fetchedGzip = counted.reduce((n, f) => n + f.gzip, 0);
  // What the path would be if the page fetched only the stub this chip needs.
  const otherStubs = counted.filter((f) => f.kind === 'stubs' && !f.path.endsWith(`/${stubFor(chip)}`) && !f.path.endsWith('/index.json'));
  const oneStubGzip = fetchedGzip - otherStubs.reduce((n, f) => n + f.gzip, 0);
  // Files requested more than once (the page's thread and the engine's Worker each load the device
  // module; the dev server sends no cache headers): what the repeats weigh, counted apart.
  const repeatGzip = counted.reduce((n, f) => n + (f.requests - 1) * f.gzip, 0);
  return { chip, files, byKind, fetchedGzip, oneStubGzip, repeatGzip, otherStubFiles: otherStubs.length };
}

async function once(server, chip) {
  const session = await openPage(server.url, { contextOptions: { serviceWorkers: 'block' } });
  const { page, browser } = session;
  try {
    // openPage records every request of the context (the page and its Workers) from the start.
    await page.$eval('#dev-settings', (d) => (d.open = true));
    await page.selectOption('#dev-virtual-chip', chip);
    await page.setChecked('#dev-virtual-fast', false); // paced, so the first write is observable
    await page.click('#dev-virtual');
    await page.waitForSelector('body[data-device=ready]', { timeout: 60000 });
    const data = Buffer.alloc(0x4000, 0xa5);
    await dropFiles(page, '[data-drop=device]', [{ name: 'blob.bin', bytes: data }]);
    await page.fill('#dev-table tr[data-name="blob.bin"] input', '0x100000');
    await page.waitForSelector('#dev-flash:not([disabled])');
    await page.click('#dev-flash');
    // The first flashed byte: the write stage's progress moves past zero.
    await page.waitForFunction(() => Number(document.querySelector('#dev-progress progress')?.value) > 0, null, {
      timeout: 60000,
      polling: 'raf',
    });
    const result = tally(server.origin, [...session.requests], chip);
    await page.waitForSelector('#dev-progress[data-state=ok], #dev-progress[data-state=failed]', { timeout: 120000 });
    return result;
  } finally {
    await browser.close();
  }
}

/** [{chip, files, byKind, fetchedGzip, oneStubGzip}] for the chips the virtual device offers. */
export async function criticalPath() {
  const server = await startServer();
  try {
    const out = [];
    for (const chip of kChips) out.push(await once(server, chip).catch((error) => ({ chip, error: error.message })));
    return out;
  } finally {
    await server.stop();
  }
}

/** {module: {wasmRaw, wasmGzip, jsRaw, jsGzip}} for each wasm module in web/dist. */
export function moduleSizes() {
  const out = {};
  // esptool-device.deferred: the half of the device module a flash does not run (no glue of its own).
  for (const name of ['esptool-device', 'esptool-device.deferred', 'esptool-tools', 'esptool-core', 'hw-sim']) {
    const at = (ext) => join(root, 'web/dist', `${name}.${ext}`);
    if (!existsSync(at('wasm'))) continue;
    const wasm = readFileSync(at('wasm'));
    const js = existsSync(at('js')) ? readFileSync(at('js')) : Buffer.alloc(0);
    out[name] = { wasmRaw: wasm.length, wasmGzip: gzip(wasm), jsRaw: js.length, jsGzip: gzip(js) };
  }
  return out;
}

/** The markdown tables for criticalPath() and moduleSizes(). */
export function criticalPathTables(paths, modules) {
  const kinds = ['page', 'glue', 'wasm', 'stubs'];
  const rows = [
    `| page, navigation to first flashed byte (gzip -9 B; budget ${kCriticalPathBudget}) | ${kinds.join(' | ')} | fetched | with only the chip's stub | + repeat requests | + virtual device |`,
    `| --- |${' ---: |'.repeat(kinds.length + 4)}`,
  ];
  for (const p of paths) {
    if (p.error) {
      rows.push(`| ${p.chip} | failed: ${p.error} |`);
      continue;
    }
    const k = (kind) => p.byKind[kind]?.gzip ?? 0;
    const mark = (n) => (n > kCriticalPathBudget ? `**${n}** (over)` : `${n}`);
    rows.push(`| ${p.chip} | ${kinds.map(k).join(' | ')} | ${mark(p.fetchedGzip)} | ${mark(p.oneStubGzip)} | ${p.repeatGzip} | ${k('virtual')} |`);
  }
  const mods = ['| module | .wasm raw | .wasm gzip | .js raw | .js gzip | gzip total |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const [name, m] of Object.entries(modules)) {
    mods.push(`| ${name} | ${m.wasmRaw} | ${m.wasmGzip} | ${m.jsRaw} | ${m.jsGzip} | ${m.wasmGzip + m.jsGzip} |`);
  }
  return `\n${rows.join('\n')}\n\n${mods.join('\n')}`;
}

/** Chips whose critical path (as fetched) is over the budget, or that failed to measure. */
export function overBudget(paths) {
  return paths.filter((p) => p.error || p.fetchedGzip > kCriticalPathBudget).map((p) => p.chip);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = await criticalPath();
  console.log(criticalPathTables(paths, moduleSizes()));
  for (const p of paths) if (!p.error) console.log(`\n${p.chip}:\n${p.files.map((f) => `  ${f.kind} ${f.path} ${f.raw} ${f.gzip} x${f.requests}`).join('\n')}`);
}
