// Static file server used by `npm start` (serve.js) and the browser tests. Loopback only.
// It serves the built static folder web/site/ (web/tools/bundle-page.mjs: the bundled page,
// sw.js, the wasm modules), as a static host would: a path whose first folder (page/, dist/) or
// file (sw.js) is in web/site/ is answered from there alone, so the page under test is the
// bundled one and a file missing from the site is a 404 here too. Everything else comes from
// web/ as it is (the API's plain modules in src/ that tests import, the install button's
// element/ and examples/).
import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The static folder (web/site/), where the served page's files are. */
export const siteRoot = join(webRoot, 'site');

/** Which folder answers a (decoded) URL path: web/site/ if it has the path's first segment, else web/. */
export function rootFor(urlPath) {
  const first = urlPath.split('/').filter(Boolean)[0];
  return first && first !== '..' && existsSync(join(siteRoot, first)) ? siteRoot : webRoot;
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

async function resolvePath(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const base = rootFor(decoded);
  const file = normalize(join(base, decoded));
  if (file !== base && !file.startsWith(base + sep)) return null;
  const info = await stat(file).catch(() => null);
  if (!info) return null;
  if (info.isDirectory()) {
    const index = join(file, 'index.html');
    return (await stat(index).catch(() => null)) ? index : null;
  }
  return file;
}

async function handle(req, res) {
  if (req.url === '/' || req.url === '/index.html') {
    res.writeHead(302, { Location: '/page/' });
    res.end();
    return;
  }
  const file = await resolvePath(req.url).catch(() => null);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

/** Starts serving web/site/ over web/; resolves to {server, url} once listening (port 0 picks a free port). */
export function startServer({ port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${server.address().port}/`;
      resolvePromise({ server, url });
    });
  });
}
