// The bootstrap's zlib port seed (web/tools/seed-zlib-port.sh), exercised on every run rather
// than only on a machine with no build/: first against a stand-in apt (versions that 404 or
// unpack incomplete), then for real: Debian's source archive into a scratch Emscripten cache,
// and a C program that calls deflate() built with `emcc -sUSE_ZLIB=1` against that cache.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedScript = join(root, 'web/tools/seed-zlib-port.sh');
const cacheScript = join(root, 'web/tools/emscripten-cache.sh');
const fakeApt = join(root, 'tests/setup/fake-apt');
const scratch = mkdtempSync(join(tmpdir(), 'espt-seed-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let caseNumber = 0;
function seedWithFakeApt(plan) {
  const dir = join(scratch, `fake-${++caseNumber}`);
  const planFile = join(scratch, `plan-${caseNumber}.txt`);
  writeFileSync(planFile, plan.map(([v, outcome]) => `${v} ${outcome}\n`).join(''));
  const cache = join(dir, 'emcache');
  const run = spawnSync('bash', [seedScript, cache, join(dir, 'work')], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${fakeApt}:${process.env.PATH}`, FAKE_APT_PLAN: planFile },
  });
  const port = join(cache, 'ports/zlib');
  const calls = readFileSync(`${planFile}.calls`, 'utf8');
  return { run, port, calls };
}

const sourceCalls = (calls) =>
  calls
    .split('\n')
    .filter((line) => line.includes(' source '))
    .map((line) => line.replace(/.*zlib=/, ''));

test('a newest version whose files 404 is skipped for the next one, which is named', () => {
  // The order apt-cache lists is not the order tried: dpkg's version order is.
  const { run, port, calls } = seedWithFakeApt([
    ['1:1.2.13.dfsg-1', 'good'],
    ['1:1.2.13.dfsg-1+deb12u1', '404'],
    ['1:1.2.11.dfsg-4', 'good'],
  ]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(sourceCalls(calls), ['1:1.2.13.dfsg-1+deb12u1', '1:1.2.13.dfsg-1']);
  assert.match(run.stdout, /1:1\.2\.13\.dfsg-1\+deb12u1 could not be used: E: Failed to fetch .*404/);
  assert.match(run.stdout, /seeded the zlib port with Debian's zlib source 1:1\.2\.13\.dfsg-1$/m);
  assert.ok(existsSync(join(port, 'zlib-1.2.11/deflate.c')));
  assert.equal(readFileSync(join(port, '.debian-version'), 'utf8').trim(), '1:1.2.13.dfsg-1');
  assert.equal(
    readFileSync(join(port, '.emscripten_url'), 'utf8'),
    'https://storage.googleapis.com/webassembly/emscripten-ports/zlib-1.2.11.zip',
  );
});

test('a version that unpacks without deflate.c is not used', () => {
  const { run, port } = seedWithFakeApt([
    ['1.3-1', 'incomplete'],
    ['1.2-1', 'good'],
  ]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /1\.3-1 could not be used: the unpacked source has no deflate\.c/);
  assert.equal(readFileSync(join(port, '.debian-version'), 'utf8').trim(), '1.2-1');
});

test('when no version can be had: one error line, exit 1, nothing that looks seeded', () => {
  const { run, port } = seedWithFakeApt([
    ['1.3-1', '404'],
    ['1.2-1', 'incomplete'],
  ]);
  assert.equal(run.status, 1);
  const errors = run.stderr.trim().split('\n');
  assert.equal(errors.length, 1, run.stderr);
  assert.match(errors[0], /^bootstrap: error: could not get any zlib source .*tried: 1\.3-1 .*1\.2-1/);
  assert.match(errors[0], /must reach Debian's source packages/);
  assert.ok(!existsSync(join(port, '.emscripten_url')));
  assert.ok(!existsSync(join(port, 'zlib-1.2.11')));
});

test('when apt knows no zlib source at all, the error says the source archive must be reachable', () => {
  const { run } = seedWithFakeApt([]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^bootstrap: error: apt knows no zlib source package: this machine must reach Debian's source archive/);
});

const deflateProgram = `
#include <stdio.h>
#include <string.h>
#include <zlib.h>
int main(void) {
  static unsigned char in[65536], packed[70000], back[65536];
  for (unsigned i = 0; i < sizeof in; ++i) in[i] = (unsigned char)((i * 7u) % 251u);
  z_stream s;
  memset(&s, 0, sizeof s);
  if (deflateInit(&s, 9) != Z_OK) return 1;
  s.next_in = in; s.avail_in = sizeof in; s.next_out = packed; s.avail_out = sizeof packed;
  if (deflate(&s, Z_FINISH) != Z_STREAM_END) return 2;
  uLongf back_len = sizeof back;
  if (uncompress(back, &back_len, packed, s.total_out) != Z_OK) return 3;
  if (back_len != sizeof in || memcmp(in, back, sizeof in) != 0) return 4;
  printf("zlib %s deflated %lu to %lu\\n", zlibVersion(), (unsigned long)sizeof in, s.total_out);
  return 0;
}
`;

test("Debian's zlib source seeds a scratch cache and emcc -sUSE_ZLIB=1 builds deflate() with it", (t) => {
  const dir = join(scratch, 'real');
  const cache = join(dir, 'emcache');
  const config = join(dir, 'emscripten.config');
  const prep = spawnSync('bash', [cacheScript, cache, config], { encoding: 'utf8' });
  assert.equal(prep.status, 0, prep.stderr);
  const seed = spawnSync('bash', [seedScript, cache, join(dir, 'apt-src')], { encoding: 'utf8' });
  assert.equal(seed.status, 0, `${seed.stdout}${seed.stderr}`);
  const seeded = readFileSync(join(cache, 'ports/zlib/.debian-version'), 'utf8').trim();
  t.diagnostic(`seeded with Debian's zlib source ${seeded}`);

  writeFileSync(join(dir, 'deflate.c'), deflateProgram);
  const build = spawnSync('emcc', ['-O1', '-sUSE_ZLIB=1', 'deflate.c', '-o', 'deflate.js'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, EM_CONFIG: config, NODE_PATH: '/usr/share/nodejs' },
  });
  assert.equal(build.status, 0, `emcc failed:\n${build.stdout}${build.stderr}`);
  assert.ok(existsSync(join(cache, 'sysroot/lib/wasm32-emscripten/libz.a')), 'libz.a built in the scratch cache');
  const run = spawnSync('node', ['--no-experimental-fetch', 'deflate.js'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  // The library emcc built is the seeded source: its version is the Debian upstream version.
  const upstream = seeded.replace(/^\d+:/, '').replace(/[.~+]dfsg.*|-[^-]*$/, '');
  assert.match(run.stdout, new RegExp(`^zlib ${upstream.replace(/\./g, '\\.')} deflated 65536 to \\d+`));
});
