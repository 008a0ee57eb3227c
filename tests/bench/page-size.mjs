// The page's transfer size: every file the page at web/page/index.html fetches from its own
// origin (HTML, CSS, JS modules, the wasm), found by following references from the HTML the way
// the browser would, raw and compressed (gzip -9 and brotli at quality 11, both from node:zlib).
// web/tools/serve.js serves web/ as the site root, so a relative URL is a path under web/.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// References a browser follows: HTML <script>/<img> src and <link> href (not <a>), CSS url()
// and @import, JS static and dynamic imports and new URL('...', import.meta.url) (how
// load-wasm.js names the Emscripten module).
// A bare name is a relative URL everywhere except in a JS import, where it names a package.
const url = (re) => ({ re, bareIsPackage: false });
const specifier = (re) => ({ re, bareIsPackage: true });
const patterns = {
  '.html': [
    url(/<(?:script|img|source|iframe|audio|video)\b[^>]*?\bsrc\s*=\s*["']([^"'#?]+)/gi),
    url(/<link\b[^>]*?\bhref\s*=\s*["']([^"'#?]+)/gi), // stylesheets, icons, modulepreload
  ],
  '.css': [url(/url\(\s*["']?([^"')#?]+)/g), url(/@import\s+["']([^"']+)/g)],
  '.js': [
    specifier(/\bimport\s+(?:[\w*{}\s,$]+\s+from\s+)?["']([^"']+)["']/g),
    specifier(/\bexport\s+[\w*{}\s,$]+\s+from\s+["']([^"']+)["']/g),
    specifier(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    url(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g),
  ],
};
patterns['.mjs'] = patterns['.js'];

function references(file, text) {
  const out = [];
  for (const { re, bareIsPackage } of patterns[extname(file)] ?? []) {
    for (const m of text.matchAll(re)) {
      const ref = m[1].trim();
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue; // other origin, data:
      if (bareIsPackage && !ref.startsWith('.') && !ref.startsWith('/')) continue;
      out.push(ref);
    }
  }
  return out;
}

/** Files the page fetches, starting from `entry`; `webRoot` is the site root. */
export function pageFiles(entry, webRoot) {
  const seen = new Set();
  const queue = [resolve(entry)];
  while (queue.length) {
    const file = queue.shift();
    // A directory URL (e.g. new URL('stubs/', import.meta.url)) is a base for later fetches.
    if (seen.has(file) || !existsSync(file) || statSync(file).isDirectory()) continue;
    seen.add(file);
    const ext = extname(file);
    if (!patterns[ext]) continue;
    for (const ref of references(file, readFileSync(file, 'utf8'))) {
      const target = ref.startsWith('/') ? join(webRoot, ref) : resolve(dirname(file), ref);
      queue.push(target.endsWith('/') ? join(target, 'index.html') : target);
    }
    // An Emscripten ES module fetches its .wasm through locateFile: count it with the module.
    const wasm = file.replace(/\.m?js$/, '.wasm');
    if (wasm !== file && existsSync(wasm)) queue.push(wasm);
  }
  return [...seen].sort();
}

/** {files: [{path, kind, raw, gzip, brotli}], totals: {kind: {raw, gzip, brotli}}} */
export function pageTransferSize(entry, webRoot, repoRoot) {
  const files = pageFiles(entry, webRoot).map((file) => {
    const bytes = readFileSync(file);
    return {
      path: relative(repoRoot, file),
      kind: extname(file) === '.wasm' ? 'wasm' : 'js/html/css',
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }).length,
    };
  });
  const totals = {};
  for (const f of files) {
    for (const kind of [f.kind, 'total']) {
      totals[kind] ??= { raw: 0, gzip: 0, brotli: 0 };
      totals[kind].raw += f.raw;
      totals[kind].gzip += f.gzip;
      totals[kind].brotli += f.brotli;
    }
  }
  return { files, totals };
}
