// Writes web/site/dist/precache.json for the page's service worker (web/sw.js, site/sw.js once
// built): every file of the static folder web/site/ the page can load (the bundled page and its
// Workers in page/, the wasm modules and stubs in dist/; web/tools/bundle-page.mjs builds it), as
// paths relative to site/, and a version that changes with any of their bytes, so a new deploy is
// noticed and cached anew. page/ itself is listed, as the URL a visitor opens. The site holds no
// Node-only files (the CLI's full module esptool-core stays in web/dist/).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = fileURLToPath(new URL('../site/', import.meta.url));
const roots = ['page', 'dist'];
const skip = [/^dist\/esptool-core\./, /^dist\/precache\.json$/, /\.map$/];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = roots
  .flatMap((root) => walk(join(site, root)))
  .map((path) => relative(site, path).split('\\').join('/'))
  .filter((path) => !skip.some((re) => re.test(path)))
  .sort();
const hash = createHash('sha256');
for (const file of files) hash.update(file).update(readFileSync(join(site, file)));
const out = `${JSON.stringify({ version: hash.digest('hex').slice(0, 16), files: ['sw.js', 'page/', ...files] }, null, 1)}\n`;
const target = join(site, 'dist/precache.json');
let old = '';
try {
  old = readFileSync(target, 'utf8');
} catch {
  // first build
}
if (old !== out) writeFileSync(target, out);
