// The Node CLI (web/cli/esptool-wasm.js) against its native twin (build/native/esptool_native):
// same stdout, stderr, exit status and output bytes for the same command line.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cliPath, makeFixtureDir, runCli, runNative } from './helpers.mjs';

let fx;
before(() => {
  fx = makeFixtureDir();
});
after(() => fx.cleanup());

// Runs both front ends in separate sub-directories (so outputs do not collide), with inputs
// reached through '../', and returns both results with the named output files' bytes.
function runBoth(args, outputs = [], env = {}) {
  const results = {};
  for (const [kind, runner] of [
    ['wasm', runCli],
    ['native', runNative],
  ]) {
    const cwd = join(fx.dir, kind);
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd);
    const r = runner(args, cwd, env);
    r.files = Object.fromEntries(
      outputs.map((name) => [name, existsSync(join(cwd, name)) ? readFileSync(join(cwd, name)) : null]),
    );
    results[kind] = r;
  }
  assert.equal(results.wasm.stdout, results.native.stdout, 'stdout differs');
  assert.equal(results.wasm.stderr, results.native.stderr, 'stderr differs');
  assert.equal(results.wasm.status, results.native.status, 'exit status differs');
  for (const name of outputs) {
    assert.ok(results.wasm.files[name], `wasm CLI wrote no ${name}`);
    assert.ok(results.wasm.files[name].equals(results.native.files[name]), `${name} differs`);
  }
  return results.wasm;
}

test('elf2image writes the same bytes and lines as the native build for every chip', () => {
  for (const chip of ['esp32', 'esp32s2', 'esp32s3', 'esp32c2', 'esp32c3', 'esp32c6', 'esp32h2', 'esp32p4']) {
    const r = runBoth(
      ['--chip', chip, 'elf2image', '--flash-mode', 'dio', '--flash_size', '4MB', '-o', 'app.bin',
        `../${chip}_app.elf`],
      ['app.bin'],
    );
    assert.equal(r.status, 0, r.stdout);
    assert.equal(r.stdout.split('\n')[0], 'esptool-wasm v0.1.0 (esptool.py v4.8.1 compatible)');
    assert.match(r.stdout, new RegExp(`Successfully created ${chip} image.`));
  }
});

test('elf2image for ESP8266 writes the v1 pair next to the output prefix', () => {
  const r = runBoth(['elf2image', '-o', 'fw-', '../esp8266_app.elf'], ['fw-0x00000.bin']);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /Creating esp8266 image\.\.\./);
});

test('image_info prints the same text in both output versions', () => {
  runBoth(['--chip', 'esp32', 'elf2image', '-o', '../app32.bin', '../esp32_app.elf']);
  const v1 = runBoth(['image_info', '../app32.bin']);
  assert.equal(v1.status, 0);
  assert.match(v1.stdout, /^esptool-wasm v0\.1\.0 \(esptool\.py v4\.8\.1 compatible\)\nFile size: \d+ \(bytes\)\nDetected image type: ESP32\n/);
  const v2 = runBoth(['--chip', 'esp32', 'image_info', '--version', '2', '../app32.bin']);
  assert.match(v2.stdout, /ESP32 image header\n==================\n/);
  assert.match(v2.stdout, /Validation hash: [0-9a-f]{64} \(valid\)/);
});

test('make_image assembles raw segments into OUTPUT0x00000.bin', () => {
  const r = runBoth(
    ['make_image', '-f', '../seg_iram.bin', '-a', '0x40100000', '-f', '../seg_dram.bin', '-a',
      '0x3FFE8000', '-e', '0x40100004', 'out'],
    ['out0x00000.bin'],
  );
  assert.equal(r.status, 0, r.stdout);
});

test('@file arguments are expanded and echoed before the banner', () => {
  writeFileSync(join(fx.dir, 'args.txt'), '--flash_mode dout\n-o "app file.bin"  # not a comment\n');
  // '#' is not a comment: "#" becomes the input file and the rest are extra words.
  const bad = runBoth(['--chip', 'esp32', 'elf2image', '@../args.txt', '../esp32_app.elf']);
  assert.equal(bad.status, 2);
  assert.match(bad.stdout, /^esptool\.py --chip esp32 elf2image --flash_mode dout -o app file\.bin # not a comment/);
  assert.equal(bad.stderr, 'esptool: error: unrecognized arguments: not a comment ../esp32_app.elf\n');
  writeFileSync(join(fx.dir, 'args.txt'), '--flash_mode dout\n-o "app file.bin"\n');
  const ok = runBoth(['--chip', 'esp32', 'elf2image', '@../args.txt', '../esp32_app.elf'], ['app file.bin']);
  assert.equal(ok.status, 0, ok.stdout);
});

test('bad arguments print one argparse line on stderr and exit 2', () => {
  const r = runBoth(['elf2image', '--flash_mode', 'fast', 'x.elf']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    "esptool elf2image: error: argument --flash_mode/-fm: invalid choice: 'fast' (choose from 'qio', 'qout', 'dio', 'dout')\n",
  );
});

test('a missing input or a bad image is a fatal error line after the banner, exit 2', () => {
  const missing = runBoth(['image_info', 'nope.bin']);
  assert.equal(missing.status, 2);
  assert.equal(
    missing.stdout,
    "esptool-wasm v0.1.0 (esptool.py v4.8.1 compatible)\n\nA fatal error occurred: File not found or not readable: 'nope.bin'\n",
  );
  const empty = runBoth(['image_info', '../empty.bin']);
  assert.equal(empty.stdout, 'esptool-wasm v0.1.0 (esptool.py v4.8.1 compatible)\n\nA fatal error occurred: File is empty\n');
  const notElf = runBoth(['--chip', 'esp32', 'elf2image', '../not_an_image.bin']);
  assert.equal(notElf.status, 2);
  assert.match(notElf.stdout, /A fatal error occurred: /);
});

test('inputs read straight into wasm memory: a directory is unreadable, a pipe is read whole', () => {
  // The CLI reads regular files into room the module makes for them (stageInput); anything else
  // goes the old way. Both must end as the native build's files do.
  const dir = runBoth(['--chip', 'esp32', 'merge_bin', '-o', 'm.bin', '0x1000', '..', '0x8000', '../partitions.bin']);
  assert.equal(dir.status, 2);
  assert.match(dir.stdout, /A fatal error occurred: File not found or not readable: '\.\.'/);
  // A shell pipe (Node's own stdio pipes are sockets, which /dev/stdin cannot reopen).
  const viaPipe = spawnSync('sh', ['-c', 'cat boot_esp32.bin | "$0" "$1" image_info /dev/stdin', process.execPath, cliPath], {
    cwd: fx.dir,
    encoding: 'utf8',
  });
  const direct = runBoth(['image_info', '../boot_esp32.bin']);
  assert.equal(viaPipe.status, 0, viaPipe.stdout);
  assert.equal(viaPipe.stdout, direct.stdout);
});

test("the CLI's first-module guess names exactly core's offline commands", async () => {
  const { kOfflineWords, loadOfflineModule, startsOffline } = await import('../../web/cli/load-full.js');
  const m = await loadOfflineModule();
  const offline = [...m.offlineCommandNames()].sort();
  assert.deepEqual(offline, [...kOfflineWords].filter((w) => !/^(help|-h|--help)$/.test(w)).sort());
  assert.equal(startsOffline(['--chip', 'esp32', 'merge_bin', '-o', 'x']), true);
  assert.equal(startsOffline(['--port', 'rfc2217://h:1', 'write_flash', '0x10000', 'app.bin']), false);
});

test('version and help work', () => {
  const v = runBoth(['version']);
  assert.equal(v.status, 0);
  assert.match(v.stdout, /^esptool-wasm v\d+\.\d+\.\d+\n4\.8\.1\n$/);
  const help = runBoth(['merge_bin', '-h']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^usage: esptool merge_bin/);
});

test('ESPTOOL_* environment variables supply defaults', () => {
  const r = runBoth(['elf2image', '-o', 'a.bin', '../esp32_app.elf'], ['a.bin'], { ESPTOOL_CHIP: 'esp32', ESPTOOL_FM: 'dout' });
  assert.equal(r.status, 0, r.stdout);
  assert.equal(r.files['a.bin'][2], 3); // DOUT
});

test('merge_bin writes the same raw, hex and uf2 bytes as the native build, also from @flash_args', () => {
  runBoth(['--chip', 'esp32', 'elf2image', '-o', '../merge_app.bin', '../esp32_app.elf']);
  const pairs = ['0x1000', '../boot_esp32.bin', '0x8000', '../partitions.bin', '0x10000', '../merge_app.bin'];
  for (const format of ['raw', 'hex', 'uf2']) {
    const r = runBoth(
      ['--chip', 'esp32', 'merge_bin', '--format', format, '-o', `merged.${format}`, '--flash-mode',
        'dio', '--flash_size', '4MB', ...pairs],
      [`merged.${format}`],
    );
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /Wrote 0x[0-9a-f]+ bytes to file merged\./);
  }
  writeFileSync(
    join(fx.dir, 'flash_args'),
    '--flash_mode dio --flash_freq 40m --flash_size 4MB\n0x1000 ../boot_esp32.bin\n0x8000 ../partitions.bin\n0x10000 ../merge_app.bin\n',
  );
  const viaFile = runBoth(['--chip', 'esp32', 'merge_bin', '-o', 'm.bin', '@../flash_args'], ['m.bin']);
  assert.equal(viaFile.status, 0, viaFile.stdout);
  assert.match(viaFile.stdout, /^esptool\.py --chip esp32 merge_bin -o m\.bin --flash_mode dio/);
  const overlap = runBoth(['--chip', 'esp32', 'merge_bin', '-o', 'o.bin', '0x0', '../partitions.bin', '0x800', '../partitions.bin']);
  assert.equal(overlap.status, 2);
});
