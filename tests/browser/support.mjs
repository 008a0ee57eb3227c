// Browser-test support: fixtures made by the native make_fixtures tool, the real dev server
// (web/tools/serve.js) on a free port, Debian's Chromium through playwright-core, and a record
// of every request the page makes. Needs a prior build (web/tools/build.sh).
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const nativeDir = join(root, 'build/native');

// toolchain.md: the launch arguments that work for Debian's Chromium here.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Writes the generated fixtures into a fresh temp dir; returns {dir, path(name), bytes(name), cleanup}. */
export function makeFixtures() {
  const dir = mkdtempSync(join(tmpdir(), 'esptool-page-'));
  execFileSync(join(nativeDir, 'make_fixtures'), [dir]);
  return {
    dir,
    path: (name) => join(dir, name),
    bytes: (name) => readFileSync(join(dir, name)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Starts web/tools/serve.js on a free port; resolves to {origin, url, stop()}. It serves the built
 * static folder web/site/ (the bundled page) over web/; without a built site the page's URL would
 * fall through to the plain sources, so the tests refuse to run rather than test those.
 */
export function startServer() {
  if (!existsSync(join(root, 'web/site/page/main.js'))) {
    return Promise.reject(new Error('web/site/ (the bundled page) is not built: run web/tools/build.sh'));
  }
  const child = spawn(process.execPath, [join(root, 'web/tools/serve.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.once('exit', (code) => reject(new Error(`serve.js exited (${code}) before printing its URL`)));
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const match = text.match(/http:\/\/(?:localhost|127\.0\.0\.1):(\d+)\//);
      if (!match) return;
      // serve.js listens on HOST; use the same literal address the browser will request.
      const origin = `http://127.0.0.1:${match[1]}`;
      child.removeAllListeners('exit');
      resolve({
        origin,
        url: `${origin}/page/`,
        stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill()))),
      });
    });
  });
}

/**
 * Launches headless Chromium; returns {browser, page, requests, pageRequests}. Every request URL
 * is recorded in `requests`; `pageRequests` leaves out the service worker's (its precache).
 * `beforeNavigate(context)` may install bindings and init scripts before the page loads;
 * `contextOptions` are added to the browser context's (e.g. serviceWorkers: 'block').
 */
export async function openPage(url, { beforeNavigate, contextOptions = {} } = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, ...contextOptions });
  await beforeNavigate?.(context);
  const requests = [];
  const pageRequests = [];
  context.on('request', (request) => {
    requests.push(request.url());
    if (!request.serviceWorker()) pageRequests.push(request.url());
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]', { state: 'attached', timeout: 20000 }).catch(async (error) => {
    const status = await page.textContent('#load-status').catch(() => '');
    throw new Error(`the page did not get ready: ${[status, ...problems].join('; ') || error.message}`);
  });
  return { browser, page, requests, pageRequests, problems };
}

/** The origin a request URL belongs to (blob: URLs carry their creator's origin). */
/** Connects the page to its virtual device (unpaced unless `fast` is false) and waits until it is ready. */
export async function connectVirtual(page, { chip = 'esp32', fast = true } = {}) {
  await page.$eval('#dev-settings', (d) => (d.open = true));
  await page.selectOption('#dev-virtual-chip', chip);
  await page.setChecked('#dev-virtual-fast', fast);
  await page.click('#dev-virtual');
  await page.waitForSelector('body[data-device=ready]', { timeout: 30000 });
}

export function originOf(url) {
  return new URL(url.startsWith('blob:') ? url.slice(5) : url).origin;
}

/** Clicks `link` and resolves to the downloaded bytes and suggested name. */
export async function download(page, link) {
  const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

/** Drops files on `selector` the way a user's drag & drop does (a DataTransfer with Files). */
export async function dropFiles(page, selector, files) {
  const payload = files.map((f) => ({ name: f.name, data: Array.from(f.bytes) }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) dt.items.add(new File([new Uint8Array(item.data)], item.name));
    return dt;
  }, payload);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent(selector, type, { dataTransfer: transfer });
  }
}

/**
 * Runs the native CLI twin (build/native/esptool_native, esptool.py syntax) in `cwd`; falls back
 * to the Node CLI when the native one is not built. Returns stdout.
 */
export function esptoolCli(args, cwd) {
  const native = join(nativeDir, 'esptool_native');
  if (existsSync(native)) return execFileSync(native, args, { cwd, encoding: 'utf8' });
  return execFileSync(process.execPath, [join(root, 'web/cli/esptool-wasm.js'), ...args], { cwd, encoding: 'utf8' });
}
