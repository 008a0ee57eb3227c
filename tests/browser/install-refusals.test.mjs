// The install button refuses before the first byte is written, one sentence each, with the
// simulated flash checked untouched: a manifest schema error (by field), no build for the chip,
// a part answering 404, a cross-origin part without CORS, an empty part, not an image, another
// chip's image, overlapping parts, a part past the flash. Then the strict-CSP example page
// (no 'unsafe-eval', no inline script or style) installs with no policy violation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './support.mjs';
import { buildExampleFirmware, firmware, installVirtual, launch, manifest, openExample, readFlash } from './install-support.mjs';

let server;
let browser;

before(async () => {
  buildExampleFirmware();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const json = (body) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
const withParts = (parts, chipFamily = 'ESP32') => ({ ...manifest(), builds: [{ chipFamily, parts }] });

// [what, virtual board, routes {path under /examples/: fulfill options}, expected data-reason, text]
const cases = (origin) => [
  ['a manifest schema error, by field', 'esp32', { 'firmware/manifest.json': json({ name: 'x', builds: [{ chipFamily: 'ESP33', parts: [] }] }) }, 'manifest_invalid', /version.*builds\[0\]\.chipFamily.*Field: version/s],
  ['no build for the chip', 'esp32c3', {}, 'not_supported', /ESP32-C3 board is not supported.*ESP32, ESP32-S3/],
  ['a part answering 404', 'esp32', { 'firmware/esp32/app.bin': { status: 404, body: 'nope' } }, 'http_error', /HTTP 404.*esp32\/app\.bin/],
  ['a cross-origin part without CORS', 'esp32', {
    'firmware/manifest.json': json(withParts([{ path: `${origin.replace('127.0.0.1', 'localhost')}/examples/firmware/esp32/app.bin`, offset: 0x10000 }])),
  }, 'cors', /localhost:\d+.*CORS.*Access-Control-Allow-Origin: http:\/\/127\.0\.0\.1/s],
  ['an empty part', 'esp32', { 'firmware/esp32/partitions.bin': { status: 200, body: '' } }, 'empty_part', /partitions\.bin.*is empty/],
  ['not an image at the bootloader offset', 'esp32', { 'firmware/esp32/bootloader.bin': { status: 200, body: Buffer.alloc(4096, 0x41) } }, 'not_an_image', /not a firmware image.*0xE9/],
  ['another chip\'s image', 'esp32', { 'firmware/esp32/app.bin': { status: 200, body: firmware('esp32s3/app.bin') } }, 'wrong_chip', /built for ESP32-S3/],
  ['overlapping parts', 'esp32', { 'firmware/manifest.json': json(withParts([{ path: 'esp32/app.bin', offset: 0x10000 }, { path: 'esp32/partitions.bin', offset: 0x18000 }])) }, 'overlap', /overlap/i],
  ['a part past the flash size', 'esp32', { 'firmware/manifest.json': json(withParts([{ path: 'esp32/app.bin', offset: 0x3f0000 }])) }, 'image_too_big', /4MB|flash/i],
];

describe('refusals before the first byte', { timeout: 240000 }, () => {
  // Test names are needed before the server (and its origin) exists.
  for (const [index, [what]] of cases('http://127.0.0.1:0').entries()) {
    test(what, async () => {
      const [, chip, routes, reason, text] = cases(server.origin)[index];
      const { context, page, problems } = await openExample(browser, `${server.origin}/examples/index.html`, {
        beforeNavigate: async (p) => {
          for (const [path, reply] of Object.entries(routes)) await p.route(`${server.origin}/examples/${path}`, (r) => r.fulfill(reply));
        },
      });
      const r = await installVirtual(page, '#install', chip, { clickInstall: false });
      assert.equal(r.outcome, 'error', `refused: ${r.text}`);
      assert.equal(r.reason, reason, r.text);
      assert.match(r.text, text);
      assert.equal(r.states.at(-1).state, 'error');
      assert.ok(!r.states.some((s) => ['erasing', 'writing'].includes(s.state)), 'nothing erased or written');
      const opened = await page.evaluate(() => Boolean(document.querySelector('#install').virtualPort));
      if (opened) assert.ok((await readFlash(page, '#install', 0, 0x20000)).every((b) => b === 0xff), 'the simulated flash is untouched');
      assert.deepEqual(problems.filter((p) => !/CORS|Failed to load|ERR_FAILED/.test(p)), []);
      await context.close();
    });
  }
});

describe('strict Content-Security-Policy', { timeout: 120000 }, () => {
  test('the strict-CSP page installs onto the virtual ESP32 with no policy violation', async () => {
    const { context, page, problems } = await openExample(browser, `${server.origin}/examples/strict-csp.html`);
    const r = await installVirtual(page, '#install', 'esp32', { erase: false });
    assert.equal(r.outcome, 'done', r.text);
    const part = manifest().builds[0].parts[2];
    assert.ok((await readFlash(page, '#install', part.offset, firmware(part.path).length)).equals(firmware(part.path)));
    assert.deepEqual(await page.evaluate(() => cspViolations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
