// The bench's page-size crawler (tests/bench/page-size.mjs): it must find what a browser would
// fetch, or the README's transfer-size figures would silently leave files out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageFiles, pageTransferSize } from '../bench/page-size.mjs';

test('the crawler follows HTML, CSS and JS references and adds the wasm of an Emscripten module', () => {
  const web = mkdtempSync(join(tmpdir(), 'bench-page-'));
  try {
    mkdirSync(join(web, 'page'));
    mkdirSync(join(web, 'src'));
    mkdirSync(join(web, 'dist'));
    writeFileSync(
      join(web, 'page/index.html'),
      '<link rel="stylesheet" href="style.css"><script type="module" src="../src/app.js"></script>' +
        '<a href="https://example.com/x.js">elsewhere</a><a href="help.html">not fetched</a>',
    );
    writeFileSync(join(web, 'page/style.css'), 'body { background: url("bg.svg"); }');
    writeFileSync(join(web, 'page/bg.svg'), '<svg/>');
    writeFileSync(
      join(web, 'src/app.js'),
      "import { a } from './a.js';\nexport * from './b.js';\nimport x from 'bare-package';\n" +
        "const m = new URL('../dist/core.js', import.meta.url);\nawait import('./lazy.js');",
    );
    for (const f of ['src/a.js', 'src/b.js', 'src/lazy.js', 'dist/core.js'])
      writeFileSync(join(web, f), '//');
    writeFileSync(join(web, 'dist/core.wasm'), Buffer.alloc(1000));
    writeFileSync(join(web, 'dist/unused.js'), '//');

    const files = pageFiles(join(web, 'page/index.html'), web).map((f) => f.slice(web.length + 1));
    assert.deepEqual(files, [
      'dist/core.js',
      'dist/core.wasm',
      'page/bg.svg',
      'page/index.html',
      'page/style.css',
      'src/a.js',
      'src/app.js',
      'src/b.js',
      'src/lazy.js',
    ]);

    const { totals } = pageTransferSize(join(web, 'page/index.html'), web, web);
    assert.equal(totals.wasm.raw, 1000);
    assert.ok(totals.wasm.gzip < 100, 'a run of zeros compresses');
    assert.equal(totals.total.raw, totals.wasm.raw + totals['js/html/css'].raw);
  } finally {
    rmSync(web, { recursive: true, force: true });
  }
});
