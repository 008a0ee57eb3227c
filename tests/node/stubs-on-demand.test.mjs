// Stubs on demand: without a stub map, a Device's command makes core ask for the one stub file
// the detected chip needs (engine action 'stub'), which the driver loads once per Device; a map
// given by the caller is used as before, and a chip it lacks runs ROM-only. The shipped stubs are
// esptool-js's JSON files converted by the build (stubFromJson), the form core reads.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, stubBinaryName, stubFromJson } from '../../web/src/index.js';
import { portFromUrl } from '../../web/src/node.js';
import { stubLoader } from '../../web/src/stubs.js';
import { root } from './helpers.mjs';
import { hasHwSim, startHwSim } from './hwsim.mjs';

const skip = hasHwSim ? false : 'build/native/hw-sim is not built';
const stubDir = join(root, 'web/dist/stubs');

describe('stubLoader', () => {
  test('loads a shipped file once, as bytes, and answers empty for one not shipped', async () => {
    const load = stubLoader();
    const first = load('stub_flasher_32c3.bin');
    assert.equal(load('stub_flasher_32c3.bin'), first, 'the second ask is served from the cache');
    const bytes = await first;
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual(Buffer.from(bytes), readFileSync(join(stubDir, 'stub_flasher_32c3.bin')));
    assert.equal((await load('stub_flasher_nosuchchip.bin')).length, 0);
    assert.equal((await load('stub_flasher_32c3.json')).length, 0, 'the JSON form is not shipped');
    assert.equal((await load('../index.json')).length, 0, 'only stub file names are served');
  });
});

describe('stubFromJson', () => {
  const jsonDir = join(root, 'node_modules/esptool-js/lib/targets/stub_flasher');

  test("makes the build's bytes from esptool-js's JSON, and smaller than it", async () => {
    const json = readFileSync(join(jsonDir, 'stub_flasher_32s3.json'), 'utf8');
    const converted = await stubFromJson(json);
    assert.equal(await stubBinaryName('stub_flasher_32s3.json'), 'stub_flasher_32s3.bin');
    assert.deepEqual(Buffer.from(converted), readFileSync(join(stubDir, 'stub_flasher_32s3.bin')));
    assert.deepEqual([...converted.subarray(0, 4)], [...Buffer.from('ESTB')]);
    assert.ok(converted.length < json.length * 0.8, `${converted.length} B from ${json.length} B of JSON`);
  });

  test('refuses what is not a stub JSON with one line', async () => {
    await assert.rejects(stubFromJson('{"entry": 1}'), (e) => e.name === 'invalid_json' && /missing "text_start"/.test(e.message));
    await assert.rejects(stubFromJson('not json'), (e) => e.name === 'invalid_json');
  });
});

describe('a Device without a stub map', { skip, timeout: 120000 }, () => {
  let sim;
  before(async () => {
    sim = await startHwSim({ chip: 'esp32s3' });
  });
  after(async () => {
    await sim?.stop();
  });

  test('runs the stub core asked for, and a map without the chip runs ROM-only', async () => {
    const device = await connect(portFromUrl(sim.url), { worker: false });
    try {
      const lines = [];
      await device.chipId({ onLog: (line) => lines.push(line) });
      assert.ok(lines.includes('Stub running...'), lines.join('\n'));
      const romLines = [];
      const c3 = readFileSync(join(stubDir, 'stub_flasher_32c3.bin'));
      await device.chipId({ stubs: { 'stub_flasher_32c3.bin': c3 }, onLog: (line) => romLines.push(line) });
      assert.ok(romLines.includes('WARNING: no flasher stub for ESP32-S3 was supplied; continuing with the ROM loader.'), romLines.join('\n'));
      assert.ok(!romLines.includes('Uploading stub...'), romLines.join('\n'));
      // The chip's own file in JSON form (not converted) is refused before anything is uploaded.
      const json = readFileSync(join(root, 'node_modules/esptool-js/lib/targets/stub_flasher/stub_flasher_32s3.json'));
      await assert.rejects(
        device.chipId({ stubs: { 'stub_flasher_32s3.bin': json } }),
        (e) => e.name === 'invalid_stub' && /Invalid flasher stub: not a converted stub file/.test(e.message),
      );
    } finally {
      await device.close();
    }
  });
});
