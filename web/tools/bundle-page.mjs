// Builds the static folder web/site/: what `npm start` serves and what a static host is given.
//   site/page/  the page, its modules bundled and minified by esbuild (main.js and its chunks,
//               the Workers, page.css), index.html without comments or indentation, its icon
//               and manifest as they are
//   site/sw.js  the service worker, minified (its scope is site/)
//   site/element/ the install button for vendor pages (install-button.js, esp-web-tools.js), bundled
//               the same way; web/examples/ (demo pages, served beside it) loads it from ../element/
//   site/dist/  the wasm modules and stubs the page loads (web/dist less the CLI's esptool-core and esptool-cli-offline)
// The sources (web/page/, web/src/) stay plain modules: the npm package's API is web/src.
//
// esbuild keeps `new URL('<relative>', import.meta.url)` as written, but in a bundle
// import.meta.url is the bundle's file, not the source's. So every such URL is rewritten here:
// the target is resolved from the source file, mapped to where it lands in site/ (a Worker's
// source to its bundled entry, anything else under web/ to the same path under site/), and made
// relative to site/page/, where every bundled file lies (one folder, so any chunk resolves it the
// same way). A target that does not exist in site/ after the build fails the build.
import { build, transform } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = resolve(fileURLToPath(new URL('..', import.meta.url)));
const site = join(web, 'site');
const out = join(site, 'page');

// A folder's bundled entries: output name -> source. The Workers are entries of their own
// (module Workers load them by URL). The virtual device (its port and its Worker) is bundled on
// its own into each folder that uses it, as virtual*.js: the dynamic import() of it stays a
// separate file loaded only when it is used, and its files say what they are (a real board never
// loads them; tests/bench/critical-path.mjs counts them apart).
const virtualEntries = { virtual: 'src/virtual/index.js', 'virtual-worker': 'src/virtual/worker.js' };
const pageEntries = {
  main: 'page/main.js',
  page: 'page/page.css',
  'engine-worker': 'src/engine-worker.js',
  'deflate-worker': 'src/deflate-worker.js',
  'tools-worker': 'page/tools-worker.js',
};
// The install button: each entry is built on its own, so a vendor's page loads one small file
// before the click (the dialog is a chunk loaded on it).
const buttonEntries = (name) => ({
  [name]: `element/${name}.js`,
  'install-dialog': 'element/install-dialog.css',
  'engine-worker': 'src/engine-worker.js',
  'deflate-worker': 'src/deflate-worker.js',
});
const virtualIndex = join(web, virtualEntries.virtual);

const urlPattern = /new URL\((['"])([^'"]+)\1,\s*import\.meta\.url\)/g;
const pointedAt = new Set(); // the site/ files the bundles point at

/** Rewrites each `new URL('<rel>', import.meta.url)` for code bundled into `out`. */
function rewriteUrls(out, entries) {
  const bundledAs = new Map(Object.entries({ ...entries, ...virtualEntries }).map(([name, source]) => [join(web, source), join(out, name + (extname(source) === '.css' ? '.css' : '.js'))]));
  // Where a file or folder of web/ lands in site/.
  const siteTarget = (target) => {
    if (bundledAs.has(target)) return bundledAs.get(target);
    const inWeb = relative(web, target);
    if (inWeb.startsWith('..')) throw new Error(`${target} is outside web/`);
    return join(site, inWeb);
  };
  const ownsVirtual = Object.values(entries).includes(virtualEntries.virtual);
  return {
    name: 'rewrite-import-meta-urls',
    setup(b) {
      // Elsewhere, import() of the virtual device points at its bundle beside the importer.
      b.onResolve({ filter: /virtual\/index\.js$/ }, (args) => {
        if (ownsVirtual || resolve(args.resolveDir, args.path) !== virtualIndex) return undefined;
        return { path: './virtual.js', external: true };
      });
      b.onLoad({ filter: /\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const contents = text.replace(urlPattern, (_, quote, rel) => {
          const target = siteTarget(resolve(dirname(args.path), rel));
          pointedAt.add(target);
          let moved = relative(out, target).split('\\').join('/') || '.';
          if (!moved.startsWith('.')) moved = `./${moved}`;
          if (rel.endsWith('/') && !moved.endsWith('/')) moved += '/';
          return `new URL(${quote}${moved}${quote}, import.meta.url)`;
        });
        return { contents, loader: 'js' };
      });
    },
  };
}

/** Bundles `entries` into site/`folder`/ (flat: entries and chunks side by side). */
async function bundleInto(folder, entries, chunkNames = 'chunk-[hash]') {
  const out = join(site, folder);
  const result = await build({
    absWorkingDir: web,
    entryPoints: Object.entries(entries).map(([name, source]) => ({ in: source, out: name })),
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    // The Node branches of web/src (reading files instead of fetching them) are never taken here.
    external: ['node:*'],
    chunkNames,
    plugins: [rewriteUrls(out, entries)],
    metafile: true,
    logLevel: 'warning',
  });
  return Object.entries(result.metafile.outputs).map(([path, o]) => `${relative(site, join(web, path))} ${o.bytes}`);
}

rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'page'), { recursive: true });

// The wasm modules, their glue and the stubs, as built (the glue is loaded by URL, not bundled).
for (const name of readdirSync(join(web, 'dist'))) {
  if (name.startsWith('esptool-core.') || name.startsWith('esptool-cli-offline.') || name === 'precache.json') continue;
  cpSync(join(web, 'dist', name), join(site, 'dist', name), { recursive: true });
}
for (const name of ['favicon.svg', 'manifest.json']) cpSync(join(web, 'page', name), join(site, 'page', name));
// index.html without its comments (notes for whoever reads the source) and its indentation: about
// 0.5 KB gzip of the page's first load (issue 10). Line breaks stay, so words stay apart; the page
// has no multi-line <pre> or <textarea> content that indentation would change.
const html = readFileSync(join(web, 'page/index.html'), 'utf8');
writeFileSync(join(site, 'page/index.html'), html.replace(/<!--[\s\S]*?-->/g, '').replace(/^[ \t]+/gm, '').replace(/\n{2,}/g, '\n'));

const outputs = [
  ...(await bundleInto('page', pageEntries)),
  ...(await bundleInto('page', virtualEntries, 'virtual-chunk-[hash]')),
  ...(await bundleInto('element', buttonEntries('install-button'))),
  ...(await bundleInto('element', buttonEntries('esp-web-tools'))),
  ...(await bundleInto('element', virtualEntries, 'virtual-chunk-[hash]')),
];

const sw = await transform(readFileSync(join(web, 'sw.js'), 'utf8'), { minify: true, target: 'es2022' });
writeFileSync(join(site, 'sw.js'), sw.code);

const missing = [...pointedAt].filter((target) => !existsSync(target));
if (missing.length) throw new Error(`bundled code points at files the site does not have: ${missing.map((m) => relative(web, m)).join(', ')}`);
console.log(`bundle: web/site/ (${outputs.length} bundled files: ${[...new Set(outputs)].join(', ')})`);
