// The install flow (web/src/manifest.js, install.js) in Node: ESP Web Tools' manifest checked
// field by field, build selection, then installFirmware() onto the unpaced in-thread virtual
// device with a stand-in fetch serving web/examples/firmware: the flash byte for byte, the
// states in order, and every refusal before writing with the simulated flash left erased.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageInfo } from '../../web/src/index.js';
import { installFirmware } from '../../web/src/install.js';
import { parseManifest, selectBuild, selectParts, serialTypeOf } from '../../web/src/manifest.js';
import { createVirtualPort } from '../../web/src/virtual/index.js';
import { root } from './helpers.mjs';

const fwDir = join(root, 'web/examples/firmware');
const base = 'http://vendor.test/docs/firmware/manifest.json';
const built = existsSync(join(root, 'web/dist/hw-sim.wasm'));
const skip = built ? false : 'web/dist/hw-sim.wasm is not built (web/tools/build.sh)';
const manifestText = () => readFileSync(join(fwDir, 'manifest.json'), 'utf8');

before(() => {
  if (built) execFileSync(process.execPath, [join(root, 'web/tools/example-firmware.mjs')]);
});

/** A fetch serving fwDir under http://vendor.test/docs/firmware/; `routes` override by URL. */
function fakeFetch(routes = {}) {
  const requested = [];
  const fn = async (url) => {
    requested.push(url);
    if (url in routes) return routes[url]();
    const prefix = 'http://vendor.test/docs/firmware/';
    const file = url.startsWith(prefix) ? join(fwDir, url.slice(prefix.length)) : null;
    if (!file || !existsSync(file)) return new Response('not found', { status: 404, statusText: 'Not Found' });
    return new Response(readFileSync(file));
  };
  fn.requested = requested;
  return fn;
}

const port = (chip, flashSize = '4MB') => createVirtualPort({ chip, flashSize, worker: false, paced: false });

async function rejectsWith(promise, expected) {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e) => e,
  );
  for (const [k, v] of Object.entries(expected)) assert.equal(error[k], v, `${k} of: ${error.message}`);
  return error;
}

describe('manifest', () => {
  test('a valid manifest resolves part paths against its URL', async () => {
    const { manifest, warnings } = await parseManifest(manifestText(), { manifestUrl: base });
    assert.deepEqual(warnings, []);
    assert.equal(manifest.builds[1].parts[0].url, 'http://vendor.test/docs/firmware/esp32s3/bootloader.bin');
    const abs = await parseManifest({ name: 'x', version: '1', builds: [{ chipFamily: 'ESP32', parts: [{ path: 'https://cdn.test/a.bin', offset: 0 }] }] }, { manifestUrl: base });
    assert.equal(abs.manifest.builds[0].parts[0].url, 'https://cdn.test/a.bin');
  });

  test('schema errors name every bad field, the first as `field`', async () => {
    const bad = { version: 2, builds: [{ chipFamily: 'ESP33', parts: [{ path: 'a.bin', offset: '0x1000' }] }] };
    const e = await rejectsWith(parseManifest(bad, { manifestUrl: base }), { name: 'bad_argument', reason: 'manifest_invalid', field: 'name' });
    for (const field of ['version', 'builds[0].chipFamily', 'builds[0].parts[0].offset']) assert.match(e.message, new RegExp(field.replace(/[[\].]/g, '\\$&')));
    assert.match(e.message, /not a string/);
    await rejectsWith(parseManifest('{"name": ', { manifestUrl: base }), { name: 'invalid_json', reason: 'manifest_invalid' });
    await rejectsWith(parseManifest({ name: 'x', version: '1', builds: [] }), { field: 'builds' });
  });

  test('legacy fields are accepted with a warning, as ESP Web Tools does', async () => {
    const legacy = { name: 'x', version: '1', new_install_skip_erase: true, builds: [{ chipFamily: 'ESP32', improv: true, parts: [{ filename: 'a.bin', offset: 0 }] }] };
    const { manifest, warnings } = await parseManifest(legacy, { manifestUrl: base });
    assert.equal(manifest.new_install_prompt_erase, true);
    assert.equal(manifest.builds[0].parts[0].path, 'a.bin');
    assert.equal(warnings.length, 3, warnings.join('\n'));
  });

  test('build selection by chip and serial type; variants by detected flash size', async () => {
    const parts = [{ path: 'a.bin', offset: 0 }];
    const { manifest } = await parseManifest({
      name: 'x',
      version: '1',
      builds: [
        { chipFamily: 'ESP32-S3', serialType: 'cdc', parts },
        { chipFamily: 'ESP32-S3', parts: [{ path: 'uart.bin', offset: 0 }] },
        { chipFamily: 'ESP32', variants: [{ name: '4 MB', flashSize: '4MB', parts }, { name: '8 MB', flashSize: '8MB', parts: [{ path: 'big.bin', offset: 0 }] }] },
      ],
    }, { manifestUrl: base });
    assert.equal(serialTypeOf({ usbVendorId: 0x303a, usbProductId: 0x1001 }), 'cdc');
    assert.equal((await selectBuild(manifest, 'ESP32-S3', { usbVendorId: 0x303a, usbProductId: 0x1001 })).serialType, 'cdc');
    assert.equal((await selectBuild(manifest, 'ESP32-S3', { usbVendorId: 0x10c4, usbProductId: 0xea60 })).parts[0].path, 'uart.bin');
    await rejectsWith(selectBuild(manifest, 'ESP32-C3'), { reason: 'not_supported' });
    const esp32 = await selectBuild(manifest, 'ESP32');
    assert.equal((await selectParts(esp32, { flashSize: '8MB' })).variant.name, '8 MB');
    assert.equal((await selectParts(esp32, { flashSize: '2MB', choose: async (v) => v[1] })).variant.name, '8 MB');
  });
});

describe('installFirmware onto the virtual device', { skip, timeout: 120000 }, () => {
  for (const [chip, index] of [['esp32', 0], ['esp32s3', 1]]) {
    test(`${chip}: the manifest's build is written byte for byte, in ESP Web Tools' states`, async () => {
      const p = port(chip);
      const states = [];
      const result = await installFirmware({ manifestUrl: base, port: p, fetch: fakeFetch(), pageUrl: 'http://vendor.test/docs/', erase: false, onState: (s) => states.push(s) });
      assert.equal(result.build.chipFamily, ['ESP32', 'ESP32-S3'][index]);
      for (const part of JSON.parse(manifestText()).builds[index].parts) {
        const want = readFileSync(join(fwDir, part.path));
        const got = await p.readFlash(part.offset, want.length);
        assert.ok(Buffer.from(got).equals(want), `${part.path} at ${part.offset}`);
      }
      const sequence = states.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);
      assert.deepEqual(sequence, ['initializing', 'preparing', 'validating', 'writing', 'verifying', 'writing', 'verifying', 'writing', 'verifying', 'finished']);
      const last = states.filter((s) => s.state === 'writing').at(-1).details;
      assert.equal(last.bytesWritten, last.bytesTotal);
      assert.equal(last.percentage, 100);
    });
  }

  test('a line that fails at 921600 falls back to 115200 before anything is written', async () => {
    const p = createVirtualPort({ chip: 'esp32', worker: false, paced: false, maxBaud: 115200 });
    const lines = [];
    await installFirmware({ manifestUrl: base, port: p, fetch: fakeFetch(), erase: false, onLog: (l) => lines.push(l) });
    // Core's own recovery (reconnecting a step lower) or, without it, install.js's retry at 115200.
    assert.ok(lines.some((l) => /921600 baud.*(reconnecting at|trying again at) \d+/.test(l)), lines.join('\n'));
    const app = readFileSync(join(fwDir, 'esp32/app.bin'));
    assert.ok(Buffer.from(await p.readFlash(0x10000, app.length)).equals(app));
  });

  test('a bigger flash than the build says: the bootloader header is patched, its SHA-256 re-appended', async () => {
    const p = port('esp32s3', '8MB');
    await installFirmware({ manifestUrl: base, port: p, fetch: fakeFetch(), erase: false });
    const boot = readFileSync(join(fwDir, 'esp32s3/bootloader.bin'));
    const got = await p.readFlash(0, boot.length);
    const info = await imageInfo(got);
    assert.equal(info.flashSizeName, '8MB');
    assert.equal(info.sha256.valid, true);
    assert.equal((await imageInfo(boot)).flashSizeName, '4MB');
  });

  const erased = async (p) => (await p.readFlash(0, 0x20000)).every((b) => b === 0xff);
  const refusals = [
    ['no build for the chip', 'esp32c3', {}, { reason: 'not_supported', installCode: 'not_supported' }],
    ['a part answering 404', 'esp32', { 'http://vendor.test/docs/firmware/esp32/app.bin': () => new Response('', { status: 404, statusText: 'Not Found' }) }, { reason: 'http_error', installCode: 'failed_firmware_download' }],
    ['an empty part', 'esp32', { 'http://vendor.test/docs/firmware/esp32/partitions.bin': () => new Response(new Uint8Array(0)) }, { reason: 'empty_part', installCode: 'validation_failed' }],
    ['not an image at the bootloader offset', 'esp32', { 'http://vendor.test/docs/firmware/esp32/bootloader.bin': () => new Response(new Uint8Array(512).fill(0x41)) }, { reason: 'not_an_image', field: 'builds[0].parts[0]' }],
    ['the other chip\'s app', 'esp32', { 'http://vendor.test/docs/firmware/esp32/app.bin': () => new Response(readFileSync(join(fwDir, 'esp32s3/app.bin'))) }, { reason: 'wrong_chip', name: 'chip_mismatch' }],
  ];
  for (const [what, chip, routes, expected] of refusals) {
    test(`refused before writing: ${what}`, async () => {
      const p = port(chip);
      const states = [];
      await rejectsWith(installFirmware({ manifestUrl: base, port: p, fetch: fakeFetch(routes), erase: true, onState: (s) => states.push(s) }), expected);
      assert.equal(states.at(-1).state, 'error');
      assert.ok(!states.some((s) => ['erasing', 'writing'].includes(s.state)));
      assert.ok(await erased(p), 'the simulated flash is untouched');
    });
  }

  test('refused before writing: overlapping parts and a part past the flash size', async () => {
    const overlapping = { name: 'x', version: '1', builds: [{ chipFamily: 'ESP32', parts: [{ path: 'esp32/partitions.bin', offset: 0x8000 }, { path: 'esp32/partitions.bin', offset: 0x8800 }] }] };
    const p = port('esp32');
    await rejectsWith(installFirmware({ manifest: overlapping, manifestUrl: base, port: p, fetch: fakeFetch(), erase: true }), { name: 'overlap', installCode: 'validation_failed' });
    const past = { name: 'x', version: '1', builds: [{ chipFamily: 'ESP32', parts: [{ path: 'esp32/partitions.bin', offset: 0x3ff800 }] }] };
    await rejectsWith(installFirmware({ manifest: past, manifestUrl: base, port: p, fetch: fakeFetch(), erase: true }), { name: 'image_too_big', installCode: 'validation_failed' });
    assert.ok(await erased(p));
  });

  test('a CORS refusal is explained with the host and the header to send', async () => {
    const cors = { name: 'x', version: '1', builds: [{ chipFamily: 'ESP32', parts: [{ path: 'https://cdn.other.test/app.bin', offset: 0x10000 }] }] };
    const fetchFn = fakeFetch({ 'https://cdn.other.test/app.bin': () => Promise.reject(new TypeError('Failed to fetch')) });
    const e = await rejectsWith(installFirmware({ manifest: cors, manifestUrl: base, pageUrl: 'http://vendor.test/docs/', port: port('esp32'), fetch: fetchFn }), { reason: 'cors' });
    assert.match(e.message, /cdn\.other\.test.*CORS/);
    assert.match(e.hint, /Access-Control-Allow-Origin: http:\/\/vendor\.test/);
  });

  test('a manifest that fails to download is fetch_manifest_failed, before the port opens', async () => {
    const p = port('esp32');
    let opened = false;
    const open = p.open.bind(p);
    p.open = (o) => ((opened = true), open(o));
    await rejectsWith(installFirmware({ manifestUrl: 'http://vendor.test/docs/missing.json', port: p, fetch: fakeFetch() }), { reason: 'http_error', installCode: 'fetch_manifest_failed' });
    assert.equal(opened, false);
  });
});
