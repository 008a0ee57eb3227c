// Stubs on demand: without a stub map, a Device's command makes core ask for the one stub file
// the detected chip needs (engine action 'stub'), which the driver loads once per Device; a map
// given by the caller is used as before, and a chip it lacks runs ROM-only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '../../web/src/index.js';
import { portFromUrl } from '../../web/src/node.js';
import { stubLoader } from '../../web/src/stubs.js';
import { root } from './helpers.mjs';
import { hasHwSim, startHwSim } from './hwsim.mjs';

const skip = hasHwSim ? false : 'build/native/hw-sim is not built';
const stubDir = join(root, 'web/dist/stubs');

describe('stubLoader', () => {
  test('loads a shipped file once, as bytes, and answers empty for one not shipped', async () => {
    const load = stubLoader();
    const first = load('stub_flasher_32c3.json');
    assert.equal(load('stub_flasher_32c3.json'), first, 'the second ask is served from the cache');
    const bytes = await first;
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual(Buffer.from(bytes), readFileSync(join(stubDir, 'stub_flasher_32c3.json')));
    assert.equal((await load('stub_flasher_nosuchchip.json')).length, 0);
    assert.equal((await load('../index.json')).length, 0, 'only stub file names are served');
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
      await device.chipId({ stubs: { 'stub_flasher_32c3.json': '{}' }, onLog: (line) => romLines.push(line) });
      assert.ok(romLines.includes('WARNING: no flasher stub for ESP32-S3 was supplied; continuing with the ROM loader.'), romLines.join('\n'));
      assert.ok(!romLines.includes('Uploading stub...'), romLines.join('\n'));
    } finally {
      await device.close();
    }
  });
});
