// Support for the install-button tests: the example pages (web/examples/) in Debian's Chromium,
// the example firmware built by web/tools/example-firmware.mjs, and helpers that drive the
// element's dialog onto its virtual device and read the simulated flash back.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './support.mjs';

export const fwDir = join(root, 'web/examples/firmware');
export const manifest = () => JSON.parse(readFileSync(join(fwDir, 'manifest.json'), 'utf8'));
export const firmware = (path) => readFileSync(join(fwDir, path));

export function buildExampleFirmware() {
  execFileSync(process.execPath, [join(root, 'web/tools/example-firmware.mjs')]);
}

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}

/** Opens an example page; {page, requests, problems} (console errors, page errors, CSP reports). */
export async function openExample(browser, url, { width = 1280, height = 900, beforeNavigate } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // The example pages have no favicon; the browser asks anyway.
    if (m.type() === 'error' && !/favicon|status of 404/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await beforeNavigate?.(page);
  await page.goto(url);
  await page.evaluate(() => {
    globalThis.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, page, requests, problems };
}

/**
 * Points the button at a virtual board (unpaced), records its state-changed events, clicks its
 * activate slot, and (unless `confirm` is false) presses Install on the plan. Resolves to
 * {states, outcome: 'done' | 'error', reason, text}.
 */
export async function installVirtual(page, selector, spec, { erase = null, confirm = true, clickInstall = true } = {}) {
  await page.evaluate(
    ([sel, s]) => {
      const b = document.querySelector(sel);
      b.setAttribute('virtual-device', s);
      b.removeAttribute('virtual-paced');
      globalThis.states = [];
      b.addEventListener('state-changed', (e) => states.push({ state: e.detail.state, details: e.detail.details?.error ? { error: e.detail.details.error } : e.detail.details }));
    },
    [selector, spec],
  );
  await page.locator(selector).getByRole('button').first().click();
  if (confirm) {
    const install = page.locator(`${selector} .actions button.primary:has-text("Install"), ${selector} .error`);
    await install.first().waitFor({ timeout: 30000 });
    if (clickInstall && (await page.locator(`${selector} .error`).count()) === 0) {
      if (erase !== null) await page.locator(`${selector} #ewt-erase`).setChecked(erase);
      await page.locator(`${selector} .actions button.primary:has-text("Install")`).click();
    }
  }
  await page.locator(`${selector} .done, ${selector} .error`).first().waitFor({ timeout: 60000 });
  const error = page.locator(`${selector} .error`);
  const failed = (await error.count()) > 0;
  return {
    states: await page.evaluate(() => states),
    outcome: failed ? 'error' : 'done',
    reason: failed ? await error.getAttribute('data-reason') : null,
    text: failed ? await error.textContent() : await page.locator(`${selector} .done`).textContent(),
  };
}

/** The simulated flash of the button's virtual board, [offset, offset + length). */
export async function readFlash(page, selector, offset, length) {
  const bytes = await page.evaluate(
    async ([sel, o, n]) => Array.from(await document.querySelector(sel).virtualPort.readFlash(o, n)),
    [selector, offset, length],
  );
  return Buffer.from(bytes);
}

/** The states in order with consecutive repeats folded ('writing' comes many times). */
export const sequence = (states) => states.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);
