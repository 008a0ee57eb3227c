// The install button's transfer size in headless Chromium on web/examples/index.html: gzip -9
// bytes of every same-origin file the page fetched before the click (the initial script), and
// up to the first byte written (the 'writing' state) onto the virtual ESP32, with the virtual
// device's own files (hw-sim wasm, web/src/virtual/) counted apart: a real board does not load them.
//   node tests/bench/install-size.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rootFor } from '../../web/tools/static-server.js';
import { startServer } from '../browser/support.mjs';
import { buildExampleFirmware, launch } from '../browser/install-support.mjs';

const isVirtual = (path) => path.includes('/src/virtual/') || path.includes('/dist/hw-sim.');

function sizes(origin, urls) {
  const out = { files: 0, raw: 0, gzip: 0, scriptGzip: 0, virtualGzip: 0 };
  for (const u of new Set(urls)) {
    if (!u.startsWith(origin)) continue;
    const path = new URL(u).pathname;
    const bytes = readFileSync(join(rootFor(path), decodeURIComponent(path))); // as the dev server answers it
    const gz = gzipSync(bytes, { level: 9 }).length;
    out.files += 1;
    out.raw += bytes.length;
    if (isVirtual(path)) out.virtualGzip += gz;
    else out.gzip += gz;
    if (!isVirtual(path) && path.endsWith('.js')) out.scriptGzip += gz;
  }
  return out;
}

/** {beforeClick, beforeFirstWrite}: each {files, raw, gzip, scriptGzip, virtualGzip} in bytes. */
export async function installTransferSize() {
  buildExampleFirmware();
  const server = await startServer();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const urls = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(`${server.origin}/examples/index.html`);
    await page.locator('#install').getByRole('button').waitFor();
    const beforeClick = sizes(server.origin, urls);
    await page.evaluate(() => {
      const b = document.querySelector('#install');
      b.setAttribute('virtual-device', 'esp32');
      globalThis.firstWrite = new Promise((resolve) => b.addEventListener('state-changed', (e) => e.detail.state === 'writing' && resolve()));
    });
    const done = page.evaluate(() => document.querySelector('#install').install({ erase: false, confirm: false }));
    await page.evaluate(() => firstWrite);
    const beforeFirstWrite = sizes(server.origin, urls);
    await done;
    return { beforeClick, beforeFirstWrite };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The markdown table of installTransferSize()'s figures. */
export function installSizeTable(r) {
  const rows = ['| install button (web/examples/index.html) | files | raw bytes | gzip -9 bytes | of it JS | + virtual device gzip |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const [k, v] of Object.entries(r)) rows.push(`| ${k} | ${v.files} | ${v.raw} | ${v.gzip} | ${v.scriptGzip} | ${v.virtualGzip} |`);
  return `\n${rows.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(installSizeTable(await installTransferSize()));
