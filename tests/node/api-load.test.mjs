import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEsptool, version } from '../../web/src/index.js';

test('the wasm module loads under Node and reports the esptool version it matches', async () => {
  await loadEsptool();
  const v = await version();
  assert.equal(v.esptoolVersion, '4.8.1');
  assert.match(v.version, /^\d+\.\d+\.\d+$/);
});
