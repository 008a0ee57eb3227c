// The device module's two halves under Node (web/tools/split-device-wasm.mjs, web/src/
// deferred-wasm.js): the primary imports placeholders; a write runs without the deferred half;
// the first command outside the profiled flows (read_flash) loads it once and works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from '../../web/src/index.js';
import { createVirtualPort } from '../../web/src/virtual/index.js';
import { testData } from './device-fixtures.mjs';

const dist = new URL('../../web/dist/', import.meta.url);
const built = existsSync(new URL('esptool-device.deferred.wasm', dist)) && existsSync(new URL('hw-sim.wasm', dist));
const skip = built ? false : 'web/dist has no split device module or hw-sim (web/tools/build.sh)';

// Counts instantiations of a deferred half: the only modules instantiated with a 'primary' import.
let deferredLoads = 0;
const RealInstance = WebAssembly.Instance;
WebAssembly.Instance = function Instance(module, imports) {
  if (imports?.primary) deferredLoads += 1;
  return new RealInstance(module, imports);
};

test('the primary half imports a placeholder for each function moved out', { skip }, () => {
  const primary = new WebAssembly.Module(readFileSync(new URL('esptool-device.wasm', dist)));
  const placeholders = WebAssembly.Module.imports(primary).filter((i) => i.module === 'placeholder');
  assert.ok(placeholders.length > 50, `${placeholders.length} placeholders`);
});

test('a write needs only the primary half; a read loads the deferred half once', { skip, timeout: 60000 }, async () => {
  const port = createVirtualPort({ worker: false, paced: false, chip: 'esp32c3' });
  const device = await connect(port, { baud: 921600 });
  try {
    const data = testData(40000, 5);
    await device.writeFlash([{ offset: 0x20000, data, name: 'a.bin' }], { skipUnchanged: true });
    assert.equal(deferredLoads, 0);
    const back = await device.readFlash(0x20000, data.length);
    assert.ok(Buffer.from(back).equals(data));
    assert.equal(deferredLoads, 1);
    await device.readFlash(0x20000, 16);
    assert.equal(deferredLoads, 1, 'loaded once');
  } finally {
    await device.close();
  }
});
